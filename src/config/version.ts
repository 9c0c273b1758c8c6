import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "./settings.js";

/** cancu's version: package.json's, read once (the API's `version`, the driver's user agent). */
export const cancuVersion: string = (
  JSON.parse(fs.readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { version: string }
).version;
