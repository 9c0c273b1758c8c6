/** A CLI command: a pure description plus `run`, which returns the process exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  help: string;
  run(args: string[], io: CommandIO): Promise<number>;
}

export interface CommandIO {
  out(line: string): void;
  err(line: string): void;
  /** resolves when the user asks the process to stop (SIGINT/SIGTERM) */
  untilStopped(): Promise<string>;
}

export class UsageError extends Error {
  override name = "UsageError";
}

export function wantsHelp(args: string[]): boolean {
  return args.includes("--help") || args.includes("-h");
}
