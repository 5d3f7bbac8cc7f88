import { runCli } from './run';

/** `npm run cli -- <command> …`: the core, headless, for analysts' scripts and benchmarks. */
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
