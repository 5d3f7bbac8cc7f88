// First: V8's flags must be set before sql.js compiles its WebAssembly.
import './v8-tuning';
import { runCli } from './run';

// `npm run cli -- query … | head`: when the reader stops, end quietly instead of an EPIPE trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/** `npm run cli -- <command> …`: the core, headless, for analysts' scripts and benchmarks. */
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
