import { CliError } from './commands/types';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; values?: readonly string[] }>;

export type ParsedArgs = {
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
};

/**
 * `--name value`, `--name=value` and `--flag`; everything else is positional. Strict: an
 * unknown option or a missing value is an error with the command's usage line.
 */
export function parseArgs(argv: readonly string[], spec: OptionSpec, usage: string): ParsedArgs {
  const positionals: string[] = [];
  const options: ParsedArgs['options'] = {};
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    const option = spec[name];
    if (!option) throw new CliError(`Onbekende optie --${name}. Gebruik: ${usage}`, 2);
    if (option.type === 'boolean') {
      options[name] = true;
      continue;
    }
    const value = inline ?? argv[++index];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new CliError(`Optie --${name} heeft een waarde nodig. Gebruik: ${usage}`, 2);
    }
    if (option.values && !option.values.includes(value)) {
      throw new CliError(
        `Ongeldige waarde "${value}" voor --${name}; kies uit ${option.values.join(', ')}.`,
        2,
      );
    }
    options[name] = value;
  }
  return { positionals, options };
}
