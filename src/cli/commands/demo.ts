import { writeWorkspaceFile } from '../../node/workspace-files';
import { parseArgs } from '../args';
import { startCliCore } from '../core';
import { CliError, type CliCommand } from './types';

const usage = 'demo --out <bestand>';

/** Writes the demo workspace, built from resources/ exactly as the app builds it. */
export const demoCommand: CliCommand = {
  name: 'demo',
  usage,
  summary: 'Schrijft de voorbeeldwerkruimte naar een bestand.',
  async run(argv, io) {
    const { positionals, options } = parseArgs(argv, { out: { type: 'string' } }, usage);
    const out = options.out;
    if (typeof out !== 'string' || positionals.length > 0) {
      throw new CliError(`Geef het doelbestand op. Gebruik: ${usage}`, 2);
    }
    const core = await startCliCore();
    const built = await core.call('workspace.openDemo', undefined);
    if (!built.ok) throw new CliError(built.error.message);
    const bytes = await core.call('workspace.export', undefined);
    try {
      await writeWorkspaceFile(out, bytes);
    } catch (error) {
      throw new CliError(`${out} kon niet geschreven worden: ${String(error)}`);
    }
    io.out(`Voorbeeldwerkruimte geschreven naar ${out} (${Math.round(bytes.length / 1024)} kB).\n`);
    return 0;
  },
};
