import { loadEngine } from '../../core/db/engine';
import { damageSummary } from '../../core/db/workspace-file';
import { checkWorkspaceBytes, type WorkspaceCheck } from '../../core/workspace/check';
import { readWorkspaceFile } from '../../node/workspace-files';
import { parseArgs } from '../args';
import { CliError, type CliCommand } from './types';

const usage = 'check <werkruimte> [--format text|json]';

function report(file: string, size: number, check: WorkspaceCheck): string {
  const hex = `0x${check.applicationId.toString(16).toUpperCase().padStart(8, '0')}`;
  const nameWidth = Math.max(...check.tables.map((table) => table.name.length), 5);
  const problems: string[] = [];
  if (!(check.integrity.length === 1 && check.integrity[0] === 'ok')) problems.push('integriteit');
  if (check.damagedTables.length > 0) problems.push('beschadigde tabellen');
  if (check.foreignKeyProblemCount > 0) problems.push('verwijzingen');
  if (!check.isPijlerplan) problems.push('geen Pijlerplan-werkruimte');
  if (check.schemaVersion > check.supportedSchemaVersion) problems.push('nieuwere schemaversie');
  if (check.schemaVersion < 1) problems.push('geen schema');
  const sound = check.integrity.length === 1 && check.integrity[0] === 'ok';
  const lines = [
    // The integrity check first: it is what this command exists for.
    `Integriteit:     ${sound ? 'ok' : `BESCHADIGD: ${damageSummary(check.integrity)}`}`,
    ...(check.damagedTables.length > 0
      ? [`Beschadigde tabellen: ${check.damagedTables.join(', ')}`]
      : []),
    `Werkruimte:      ${file} (${Math.round(size / 1024)} kB, ${check.pageCount} pagina's van ${check.pageSize} bytes)`,
    `Verwijzingen:    ${check.foreignKeyProblemCount === 0 ? 'ok' : `${check.foreignKeyProblemCount} rij(en) verwijzen naar iets dat niet bestaat (${[...new Set(check.foreignKeyProblems.map((p) => `${p.table} → ${p.parent}`))].join(', ')})`}`,
    `Schemaversie:    ${check.schemaVersion} (deze versie van Pijlerplan kent tot ${check.supportedSchemaVersion})`,
    `Application id:  ${hex} (${check.isPijlerplan ? 'Pijlerplan' : 'onbekend'})`,
    `Tabellen:`,
    ...check.tables.map(
      (table) =>
        `  ${table.name.padEnd(nameWidth)}  ${table.rows === null ? 'onleesbaar (beschadigd)' : String(table.rows).padStart(9)}`,
    ),
    problems.length === 0
      ? 'Resultaat:       in orde'
      : `Resultaat:       NIET in orde (${problems.join(', ')})`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Integrity, foreign keys, schema version, application id and row counts of a workspace file. */
export const checkCommand: CliCommand = {
  name: 'check',
  usage,
  summary: 'Controleert een werkruimte: integriteit, schemaversie, application id en tabellen.',
  async run(argv, io) {
    const { positionals, options } = parseArgs(
      argv,
      { format: { type: 'string', values: ['text', 'json'] } },
      usage,
    );
    const [file, ...rest] = positionals;
    if (file === undefined || rest.length > 0) {
      throw new CliError(`Geef één werkruimte op. Gebruik: ${usage}`, 2);
    }
    const bytes = await readWorkspaceFile(file);
    if (!bytes.ok) throw new CliError(bytes.error.message);
    const checked = checkWorkspaceBytes(await loadEngine(), bytes.value);
    if (!checked.ok) throw new CliError(`${file}: ${checked.error.message}`);
    io.out(
      options.format === 'json'
        ? `${JSON.stringify(checked.value, null, 2)}\n`
        : report(file, bytes.value.length, checked.value),
    );
    return checked.value.ok ? 0 : 1;
  },
};
