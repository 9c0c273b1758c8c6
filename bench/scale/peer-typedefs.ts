import fs from "node:fs";

/**
 * Spells out the repeated blocks of a statement: the lines between `#each level in A..B` and
 * `#end`, once for each level from A to B, with `{{level}}` replaced by it (one level of a
 * breadth-first chain, written once in peer-typedefs.graphql).
 */
export function expandLevels(typeDefs: string): string {
  return typeDefs.replace(
    /^[ \t]*#each level in (\d+)\.\.(\d+)\n([\s\S]*?)^[ \t]*#end\n/gm,
    (_all, from: string, to: string, body: string) => {
      let out = "";
      for (let level = Number(from); level <= Number(to); level++)
        out += body.replaceAll("{{level}}", String(level));
      return out;
    },
  );
}

/** The peer's type definitions (peer-typedefs.graphql), as the library receives them. */
export const peerTypeDefs = (): string =>
  expandLevels(fs.readFileSync(new URL("./peer-typedefs.graphql", import.meta.url), "utf8"));
