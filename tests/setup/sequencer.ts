import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Files that must see the test Neo4j as the global setup left it: the seed alone at most. */
const first = ["tests/integration/docs-examples.test.ts"];

/**
 * vitest's order (failed and slow files first), except that the files above run before every
 * other file: docs/API.md's answers are those of the seed on an empty database, and the other
 * files leave documents behind.
 */
export default class DocsFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isFirst = (spec: TestSpecification) =>
      first.some((file) => spec.moduleId.replaceAll("\\", "/").endsWith(`/${file}`));
    return [...sorted.filter(isFirst), ...sorted.filter((spec) => !isFirst(spec))];
  }
}
