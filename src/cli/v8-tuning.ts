import { setFlagsFromString } from 'node:v8';

/**
 * V8 tuned for a short-lived command, set before sql.js compiles its WebAssembly (at the first
 * core call). V8 first compiles wasm with its baseline compiler and re-compiles a function with
 * the optimising one once it has run "enough" (the tiering budget); for a CLI call that lasts a
 * second or two, most of those optimised compiles cost more CPU than they save. Ten times the
 * default budget keeps only the really hot SQLite functions optimised. Measured through the
 * built CLI (CPU, user + sys): a 100,000-row .xlsx 1.95 → 1.70 s; the 1,000,000-row CSV, where
 * the optimised code pays for itself, unchanged (6.99 vs 6.95 s). `--liftoff-only` (never
 * optimise) saved as much on the first and cost 0.7 s on the second.
 */
setFlagsFromString('--wasm-tiering-budget=18000000');
