import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { expandLevels, peerTypeDefs } from "../../../bench/scale/peer-typedefs.js";

describe("the peer's type definitions", () => {
  it("spell out each #each block once per level, in order", () => {
    const text = "a\n  #each level in 2..4\n  x{{level}} <= {{level}}\n  #end\nb\n";
    expect(expandLevels(text)).toBe("a\n  x2 <= 2\n  x3 <= 3\n  x4 <= 4\nb\n");
    expect(expandLevels("no blocks\n")).toBe("no blocks\n");
  });

  it("reach the library with every chain level written out and nothing left of the template", () => {
    const typeDefs = peerTypeDefs();
    // the file's own comments (at the start of a line) explain the template; the statements must not hold it
    expect(typeDefs.replace(/^#.*$/gm, "")).not.toContain("{{level}}");
    expect(typeDefs).not.toMatch(/^\s*#(each|end)\b/m);
    // tasksImplementing: levels 1 to 6; directivesDriving and directivesDrivingPage: levels 2 to 6
    expect(typeDefs.match(/UNWIND CASE WHEN 1 <= \$maxDepth/g)).toHaveLength(1);
    for (const level of [2, 3, 4, 5, 6])
      expect(typeDefs.match(new RegExp(`UNWIND CASE WHEN ${level} <= \\$maxDepth`, "g"))).toHaveLength(3);
    expect(() => parse(typeDefs)).not.toThrow();
  });
});
