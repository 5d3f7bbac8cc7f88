import { runCli } from '../../../src/cli/run';

export type CliRun = { code: number; out: string; err: string };

/** runCli with stdout/stderr captured, as the shell would see them. */
export async function cli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}
