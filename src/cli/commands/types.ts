/** Where a command writes: the real stdout/stderr, or a buffer in tests. */
export type CliIo = {
  out(text: string): void;
  err(text: string): void;
};

/** One CLI command: its name, how to call it, and what it does (Dutch, for the usage text). */
export type CliCommand = {
  name: string;
  usage: string;
  summary: string;
  /** Returns the exit code; throws CliError for bad input. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
};

/** A problem with the input: printed as one line "Fout: …", exit code `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
