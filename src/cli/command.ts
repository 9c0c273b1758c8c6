import type { Settings } from "../config/settings.js";
import { UserFacingError } from "../config/user-facing-error.js";

/** A CLI command: a pure description plus `run`, which returns the process exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  help: string;
  run(args: string[], io: CommandIO): Promise<number>;
}

/** How main.ts lists a command without loading its module (and its dependencies) until it runs. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export interface CommandIO {
  out(line: string): void;
  /** text to stdout exactly as given, no line break added (a file's bytes: cancu export) */
  write(text: string): void;
  err(line: string): void;
  /** resolves when the user asks the process to stop (SIGINT/SIGTERM) */
  untilStopped(): Promise<string>;
  /**
   * The configuration, read from the environment once, when a command first asks (so that a bad
   * database setting does not stop `cancu extract`); a bad value throws a SettingsError.
   */
  settings(): Settings;
}

export class UsageError extends UserFacingError {
  override name = "UsageError";
}

export function wantsHelp(args: string[]): boolean {
  return args.includes("--help") || args.includes("-h");
}
