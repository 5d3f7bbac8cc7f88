// npm run security:scan — Electronegativity over the Electron shell (electron/), offline,
// against the installed Electron version. Fails on any MEDIUM or HIGH finding that
// electronegativity.config.json does not explain, and on an explanation that no longer
// matches a finding (so the list cannot silently outlive the code it excuses).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Severity = 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';
type Issue = {
  id: string;
  file: string;
  severity: { name: Severity };
  confidence: { name: string };
  location: { line: number; column: number };
  manualReview?: boolean;
  description: string;
};
type Exception = { check: string; file: string; reason: string };
type Config = { scan: string; failOn: Severity[]; exceptions: Exception[] };

export type ScanVerdict = {
  unexplained: Issue[];
  explained: Array<{ issue: Issue; reason: string }>;
  stale: Exception[];
};

/** Sorts findings into explained, unexplained (those fail) and stale explanations. */
export function judge(issues: readonly Issue[], config: Config): ScanVerdict {
  const relevant = issues.filter((issue) => config.failOn.includes(issue.severity.name));
  const matches = (exception: Exception, issue: Issue): boolean =>
    exception.check === issue.id && exception.file === issue.file;
  const verdict: ScanVerdict = { unexplained: [], explained: [], stale: [] };
  for (const issue of relevant) {
    const exception = config.exceptions.find((item) => matches(item, issue));
    if (exception) verdict.explained.push({ issue, reason: exception.reason });
    else verdict.unexplained.push(issue);
  }
  verdict.stale = config.exceptions.filter(
    (exception) => !relevant.some((issue) => matches(exception, issue)),
  );
  return verdict;
}

async function main(): Promise<number> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const require = createRequire(path.join(root, 'package.json'));
  const config = JSON.parse(
    readFileSync(path.join(root, 'electron/tools/electronegativity.config.json'), 'utf8'),
  ) as Config;
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  const run = require('@doyensec/electronegativity') as (
    options: Record<string, unknown>,
    forCli: boolean,
  ) => Promise<{ issues: Issue[]; errors: unknown[] }>;

  const result = await run(
    {
      input: path.join(root, config.scan),
      isRelative: true,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
      severitySet: 'informational',
      confidenceSet: 'tentative',
    },
    false,
  );
  const verdict = judge(result.issues, config);
  const where = (issue: Issue) => `${issue.file}:${issue.location.line}:${issue.location.column}`;
  console.log(
    `Electronegativity (Electron ${electronVersion}): ${result.issues.length} bevinding(en), ` +
      `${verdict.explained.length} verklaard, ${verdict.unexplained.length} onverklaard.`,
  );
  for (const { issue, reason } of verdict.explained) {
    console.log(`  ok   ${issue.severity.name} ${issue.id} ${where(issue)} — ${reason}`);
  }
  for (const issue of verdict.unexplained) {
    console.error(
      `  FOUT ${issue.severity.name} ${issue.id} ${where(issue)}: ${issue.description}`,
    );
  }
  for (const exception of verdict.stale) {
    console.error(
      `  FOUT verouderde uitzondering ${exception.check} in ${exception.file}: geen bevinding meer; haal ze uit electronegativity.config.json`,
    );
  }
  return verdict.unexplained.length + verdict.stale.length === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
