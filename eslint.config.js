import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * A layering rule: relative imports that climb out of the importing stage (../, ../../ …) into one of
 * `stages` (folders of src/).
 */
function layer(message, stages) {
  return { regex: `^(\\.\\./)+(${stages.join("|")})/`, message };
}

/** Anything inside src/extract but its index. */
const deepExtractImport = {
  regex: "(^|/)extract/(?!index\\.js$).+",
  message: "import the extractor through src/extract/index.js (its files are its own to move)",
};

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".cancu/",
      "neo4j/target/",
      "src/generated/",
      "test-artifacts/",
      "bench/results/",
      "web/dist/",
      "dist/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // process.exit lives in src/cli/main.ts alone: commands return an exit code, main ends the process
      "no-restricted-properties": [
        "error",
        { object: "process", property: "exit", message: "return an exit code; src/cli/main.ts exits" },
      ],
    },
  },
  {
    files: ["src/cli/main.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // the extractor is pure: no file system, no process
    files: ["src/extract/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "child_process", "neo4j-driver"],
              message: "the extractor is pure",
            },
            layer("the extractor (src/extract) comes first: it imports no other stage", [
              "graph",
              "api",
              "cli",
              "neo4j",
              "config",
            ]),
          ],
        },
      ],
      "no-restricted-globals": ["error", "process"],
    },
  },
  // Data flows one way: extract → graph → api → cli; a stage imports only from stages before it.
  // src/config (settings, limits, version) and src/neo4j (the local server) sit below graph.
  {
    files: ["src/graph/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            layer("src/graph is the Neo4j boundary: it serves api and cli, never imports them", [
              "api",
              "cli",
            ]),
          ],
        },
      ],
    },
  },
  {
    files: ["src/api/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "neo4j-driver",
              message: "the API reaches Neo4j through src/graph (executor, builders, graph-errors)",
            },
          ],
          patterns: [layer("src/api never imports the CLI", ["cli"])],
        },
      ],
    },
  },
  {
    files: ["src/neo4j/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            layer("src/neo4j runs the local server: it knows no graph, API or CLI", [
              "graph",
              "api",
              "cli",
              "extract",
            ]),
          ],
        },
      ],
    },
  },
  {
    files: ["src/config/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            layer("src/config is read by every stage and imports none", [
              "extract",
              "graph",
              "api",
              "cli",
              "neo4j",
            ]),
          ],
        },
      ],
    },
  },
  {
    // the explorer talks to the API over HTTP; of src/ it shares only the generated operation types
    files: ["web/**/*.ts", "web/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./)+src/(?!generated/)",
              message: "web/ imports from src/ only the generated types (src/generated)",
            },
          ],
        },
      ],
    },
  },
  {
    // the extractor's one entry point is src/extract/index.ts; its insides may move (its own tests excepted)
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["src/extract/**", "tests/unit/extract/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [deepExtractImport] }],
    },
  },
);
