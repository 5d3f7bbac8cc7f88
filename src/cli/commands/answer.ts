import { extname } from 'node:path';
import { ANSWER_FORMATS, type AnswerFormat } from '../../core/answer/handlers';
import { formatAmount } from '../../i18n/formatters';
import { writeFileAtomic } from '../../node/atomic-write';
import { parseArgs } from '../args';
import { openWorkspaceInCore } from '../core';
import { CliError, type CliCommand } from './types';

const usage =
  'answer <werkruimte> [--scenario <naam>] [--date JJJJ-MM-DD] [--out <antwoord.xlsx|md|docx|pdf>] [--json]';

/**
 * "Vierde pijler in cijfers" from the command line: the same Answer the screen shows, written
 * as a workbook, text or PDF (--out), or its draft text on stdout (no --out), or the whole
 * Answer as JSON (--json) for scripts that check it against `query`.
 */
export const answerCommand: CliCommand = {
  name: 'answer',
  usage,
  summary:
    'Beantwoordt de parlementaire vraag "Vierde pijler in cijfers" uit de werkruimte: ontwerptekst op het scherm, of als .xlsx, .md, .docx of .pdf.',
  async run(argv, io) {
    const { positionals, options } = parseArgs(
      argv,
      {
        scenario: { type: 'string' },
        date: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
      },
      usage,
    );
    const [file, ...rest] = positionals;
    if (file === undefined || rest.length > 0)
      throw new CliError(`Geef één werkruimte op. Gebruik: ${usage}`, 2);
    const out = options.out as string | undefined;
    let format: AnswerFormat | null = null;
    if (out !== undefined) {
      const extension = extname(out).toLowerCase().slice(1);
      if (!ANSWER_FORMATS.includes(extension as AnswerFormat))
        throw new CliError(
          `--out moet eindigen op ${ANSWER_FORMATS.map((f) => `.${f}`).join(', ')} (nu: ${out}).`,
          2,
        );
      format = extension as AnswerFormat;
    }
    if (options.json && out !== undefined)
      throw new CliError(`Kies --json (naar het scherm) of --out <bestand>. Gebruik: ${usage}`, 2);

    const core = await openWorkspaceInCore(file);
    let scenarioId: number | undefined;
    if (options.scenario !== undefined) {
      const scenarios = await core.call('planning.scenarios', undefined);
      const scenario = scenarios.find((candidate) => candidate.name === options.scenario);
      if (!scenario)
        throw new CliError(
          `Scenario "${String(options.scenario)}" bestaat niet in ${file}. Beschikbaar: ${scenarios.map((s) => `"${s.name}"`).join(', ')}.`,
        );
      scenarioId = scenario.id;
    }
    const request = { scenarioId, date: options.date as string | undefined };
    const started = performance.now();
    if (format === null || out === undefined) {
      const answer = await core.call('answer.read', request);
      if (!answer.ok) throw new CliError(answer.error.message);
      if (options.json) {
        io.out(`${JSON.stringify(answer.value, null, 2)}\n`);
        return 0;
      }
      const a = answer.value;
      io.out(
        `Vierde pijler in cijfers — ${a.workspaceName}, scenario “${a.scenario.name}”, peildatum ${a.date}\n`,
      );
      for (const section of a.text) {
        io.out(`\n${section.title}\n\n${section.paragraphs.join('\n\n')}\n`);
      }
      return 0;
    }
    const exported = await core.call('answer.export', { request, format });
    if (!exported.ok) throw new CliError(exported.error.message);
    try {
      await writeFileAtomic(out, exported.value.bytes);
    } catch (error) {
      throw new CliError(`${out} kon niet geschreven worden: ${String(error)}`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.out(
      `${out}: ${formatAmount(exported.value.bytes.length / 1024, 'count', 'nl-BE')} kB, ${seconds} s.\n`,
    );
    return 0;
  },
};
