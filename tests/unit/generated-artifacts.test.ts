import fs from "node:fs";
import path from "node:path";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import config from "../../codegen.js";
import { projectRoot } from "../../src/config/settings.js";
import { schemaFile, schemaSdl } from "../../src/api/schema-sdl.js";

const read = (file: string) => fs.readFileSync(path.join(projectRoot, file), "utf8");

describe("committed generated artefacts", () => {
  it("schema/schema.graphql matches the type-graphql schema (run `npm run schema`)", async () => {
    expect(read(schemaFile)).toBe(await schemaSdl());
  });

  it("src/generated/graphql.ts matches codegen's output (run `npm run codegen`)", async () => {
    const outputs = await generate({ ...config, cwd: projectRoot, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      expect(
        read(path.relative(projectRoot, path.resolve(projectRoot, output.filename))),
        output.filename,
      ).toBe(output.content);
    }
  });
});
