#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm run build`, which `npm ci` runs as `prepare`): starting
// through tsx costs a compilation at every start. When dist/ is missing or older than src/ (a
// changed, added or removed source), it runs the TypeScript through tsx instead and says so on
// stderr; CANCU_FROM_SOURCE=1 asks for tsx without the note.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const compiled = path.join(root, "dist", "cli", "main.js");

/** The latest modification under dir (files and folders: a removed file changes its folder). */
function latestChange(dir) {
  let latest = fs.statSync(dir).mtimeMs;
  for (const entry of fs.readdirSync(dir, { recursive: true })) {
    latest = Math.max(latest, fs.statSync(path.join(dir, entry)).mtimeMs);
  }
  return latest;
}

function compiledIsCurrent() {
  let builtAt;
  try {
    builtAt = fs.statSync(compiled).mtimeMs;
  } catch {
    return "missing";
  }
  try {
    return latestChange(path.join(root, "src")) <= builtAt ? "current" : "older than src/";
  } catch {
    return "current"; // no src/ beside it: dist/ is all there is
  }
}

const state = process.env.CANCU_FROM_SOURCE === "1" ? "skipped" : compiledIsCurrent();
if (state === "current") {
  await import(pathToFileURL(compiled).href);
} else {
  if (state !== "skipped") {
    process.stderr.write(`cancu: dist/ is ${state}, running the TypeScript through tsx (npm run build)\n`);
  }
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(path.join(root, "src", "cli", "main.ts")).href);
}
