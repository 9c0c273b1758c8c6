import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Files whose expectations are those of the graph that the seed alone makes (docs/API.md's
 * answers; graphql-http's, which count who cites 26-NQ/TW), in this order. Other files leave
 * documents behind (tests/integration/ingest.test.ts, the e2e ingests), so these run first.
 */
const first = ["tests/integration/docs-examples.test.ts", "tests/integration/api/graphql-http.test.ts"];

/** vitest's order (failed and slow files first), except that the files above run before any other. */
export default class SeedAloneFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = first.findIndex((file) => spec.moduleId.replaceAll("\\", "/").endsWith(`/${file}`));
      return index < 0 ? first.length : index;
    };
    // Array.prototype.sort is stable: the others keep vitest's order
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}
