/** One `desk` CLI command. Commands print through `io` so that tests can read what a user sees. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliContext {
  /** Arguments after the command name. */
  args: string[];
  io: CliIo;
  /** `--data-dir` or DESK_DATA_DIR, if given. */
  dataDir: string | undefined;
}

export interface CliCommand {
  name: string;
  summary: string;
  run(ctx: CliContext): Promise<number>;
}
