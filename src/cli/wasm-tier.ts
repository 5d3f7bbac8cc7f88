/**
 * V8 tuned for a short-lived command, set before sql.js compiles its WebAssembly (at the first
 * core call). V8 compiles wasm with its baseline compiler (Liftoff) and re-compiles a function
 * with the optimising one (TurboFan) once it has run "enough" (the tiering budget). Those
 * optimised compiles are pure cost for a command that lasts a second: creating a workspace
 * alone runs SQLite's parser hot enough to trigger ~130 ms CPU of them. They pay for
 * themselves only on a long import. So the CLI never optimises when its input is small, and
 * keeps a raised budget (ten times V8's default) for large inputs.
 *
 * Measured through the built CLI, CPU (user + sys), medians of 4–8 interleaved runs:
 *
 * | input                      | tiering budget | Liftoff only |
 * |----------------------------|----------------|--------------|
 * | two-line CSV               | 0.36 s         | 0.23 s       |
 * | 100k-row .xlsx (6 MB)      | 1.33 s         | 1.21 s       |
 * | 100k-row CSV (13.5 MB)     | 1.18 s         | 1.05 s       |
 * | 300k-row .xlsx (18 MB)     | 2.98 s         | 3.00 s       |
 * | 300k-row CSV (41 MB)       | 2.19 s         | 2.24 s       |
 * | 1M-row .xlsx (60 MB)       | 8.25 s         | 8.80 s       |
 * | 1M-row CSV (137 MB)        | 5.57 s         | 6.83 s       |
 * | `answer` on the demo       | 0.61 s         | 0.40 s       |
 *
 * The default budget itself cost the 100k .xlsx 0.25 s more than the raised one.
 */
export const TIERING_BUDGET_FLAG = '--wasm-tiering-budget=18000000';
export const LIFTOFF_ONLY_FLAG = '--liftoff-only';

/**
 * Below this much input (in CSV bytes, see `inputWeight`) Liftoff alone wins: the break-even
 * lies between the 100k- and 300k-row files above, at ~30 MB of CSV.
 */
export const LIFTOFF_ONLY_BELOW = 24 * 1024 * 1024;

/**
 * What a file argument weighs as work, in bytes of CSV: an .xlsx is compressed, and its rows
 * cost what 2.3 times as many CSV bytes do (300k rows: 18 MB of .xlsx, 41 MB of CSV).
 */
export function inputWeight(file: string, bytes: number): number {
  return /\.xls[xm]$/i.test(file) ? bytes * 2.3 : bytes;
}

/** The wasm tier flag for a command line: `size` is a file's size, or undefined if it is none. */
export function wasmTierFlag(
  args: readonly string[],
  size: (path: string) => number | undefined,
): string {
  let heaviest = 0;
  for (const arg of args) {
    if (arg.startsWith('-')) continue;
    const bytes = size(arg);
    if (bytes !== undefined) heaviest = Math.max(heaviest, inputWeight(arg, bytes));
  }
  return heaviest < LIFTOFF_ONLY_BELOW ? LIFTOFF_ONLY_FLAG : TIERING_BUDGET_FLAG;
}
