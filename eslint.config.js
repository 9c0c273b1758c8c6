import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
      // process.exit lives in src/cli/main.ts alone (see STYLE.md)
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
        { patterns: ["node:*", "fs", "path", "child_process", "neo4j-driver"] },
      ],
      "no-restricted-globals": ["error", "process"],
    },
  },
);
