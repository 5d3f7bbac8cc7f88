import { CLI_COMMANDS } from './commands';
import { CliError, type CliIo } from './commands/types';

export function usageText(): string {
  // Usage lines can be long (import has many options): summary on its own indented line.
  return [
    'Gebruik: npm run cli -- <opdracht> [argumenten]',
    '',
    'Opdrachten:',
    ...CLI_COMMANDS.flatMap((command) => [`  ${command.usage}`, `      ${command.summary}`]),
    '  help',
    '      Toont deze hulp.',
    '',
  ].join('\n');
}

/**
 * Runs one CLI invocation; returns the exit code. Bad input ends in one line "Fout: …" on
 * stderr (exit 2 for wrong usage, 1 for a file or workspace problem), never a stack trace.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? io.err : io.out)(usageText());
    return name === undefined ? 2 : 0;
  }
  const command = CLI_COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`Fout: onbekende opdracht "${name}".\n${usageText()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Gebruik: npm run cli -- ${command.usage}\n\n${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`Fout: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(
      `Fout: onverwachte fout in "${name}": ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}
