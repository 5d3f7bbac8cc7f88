import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args';
import { formatCsv, formatTable } from '../../../src/cli/format';
import { cli } from './cli-harness';
import { SCHEMA_VERSION } from '../../../src/core/db/schema';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');

let dir: string;
let demo: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pijlerplan-cli-'));
  demo = path.join(dir, 'demo.pijlerplan');
  const written = await cli('demo', '--out', demo);
  expect(written).toMatchObject({ code: 0, err: '' });
  expect(written.out).toMatch(
    /^Voorbeeldwerkruimte geschreven naar .*demo\.pijlerplan \(\d+ kB\)\.\n$/,
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('demo', () => {
  it('writes a Pijlerplan workspace file with the demo content', async () => {
    const bytes = await readFile(demo);
    expect(new TextDecoder('latin1').decode(bytes.subarray(0, 15))).toBe('SQLite format 3');
    const SQL = await initSqlJs();
    const db = new SQL.Database(bytes);
    expect(db.exec('PRAGMA user_version')[0]?.values[0]?.[0]).toBe(SCHEMA_VERSION);
    expect(db.exec("SELECT value FROM meta WHERE key = 'is_demo'")[0]?.values[0]?.[0]).toBe('1');
    expect(db.exec('SELECT count(*) FROM municipality')[0]?.values[0]?.[0]).toBe(285);
    expect(db.exec('SELECT count(*) FROM pilot')[0]?.values[0]?.[0]).toBe(26);
    db.close();
  });

  it('needs --out', async () => {
    expect(await cli('demo')).toMatchObject({
      code: 2,
      err: 'Fout: Geef het doelbestand op. Gebruik: demo --out <bestand>\n',
    });
  });
});

describe('query', () => {
  const sql =
    "SELECT nis_code, name, inhabitants_2020 FROM municipality WHERE name IN ('Aartselaar', 'Boom') ORDER BY name";

  it.each([
    {
      format: 'csv',
      expected: /^nis_code,name,inhabitants_2020\n11001,Aartselaar,\d+\n11005,Boom,\d+\n$/,
    },
    {
      format: 'table',
      expected:
        /^nis_code {2}name {8}inhabitants_2020\n-{8} {2}-{10} {2}-{16}\n11001 {5}Aartselaar {2} +\d+\n11005 {5}Boom {8} +\d+\n\(2 rijen\)\n$/,
    },
  ])('prints rows as $format', async ({ format, expected }) => {
    const result = await cli('query', demo, sql, '--format', format);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(expected);
  });

  it('prints JSON objects', async () => {
    const result = await cli('query', demo, sql, '--format=json');
    const rows = JSON.parse(result.out) as {
      nis_code: string;
      name: string;
      inhabitants_2020: number;
    }[];
    expect(rows.map((row) => [row.nis_code, row.name])).toEqual([
      ['11001', 'Aartselaar'],
      ['11005', 'Boom'],
    ]);
    expect(typeof rows[0]?.inhabitants_2020).toBe('number');
  });

  it("reads the screens' views and finds accented names with fold()", async () => {
    const result = await cli(
      'query',
      demo,
      "SELECT count(*) AS n FROM municipality_overview WHERE fold(name) = fold('HOUTHALEN-HELCHTEREN')",
      '--format',
      'csv',
    );
    expect(result.out).toBe('n\n1\n');
  });

  it.each([
    {
      argv: ['query'],
      code: 2,
      err: /^Fout: Geef een werkruimte en één SQL-query op\. Gebruik: query/,
    },
    {
      argv: ['query', 'bestaat-niet.pijlerplan', 'SELECT 1'],
      code: 1,
      err: /^Fout: Het bestand bestaat-niet\.pijlerplan bestaat niet\.\n$/,
    },
    {
      argv: ['query', 'DEMO', 'DELETE FROM pilot'],
      code: 1,
      err: /^Fout: Hier kan alleen gelezen worden/,
    },
    {
      argv: ['query', 'DEMO', 'SELECT * FROM nergens'],
      code: 1,
      err: /^Fout: De SQL-instructie klopt niet: no such table: nergens\n$/,
    },
    {
      argv: ['query', 'DEMO', 'SELECT 1', '--format', 'xml'],
      code: 2,
      err: /^Fout: Ongeldige waarde "xml" voor --format; kies uit csv, json, table\.\n$/,
    },
    {
      argv: ['query', 'DEMO', 'SELECT 1', '--kleur'],
      code: 2,
      err: /^Fout: Onbekende optie --kleur\./,
    },
  ])('fails clearly: $argv', async ({ argv, code, err }) => {
    const result = await cli(...argv.map((arg) => (arg === 'DEMO' ? demo : arg)));
    expect(result.code).toBe(code);
    expect(result.err).toMatch(err);
    expect(result.out).toBe('');
  });
});

describe('check', () => {
  it('reports integrity, versions, application id and table counts', async () => {
    const result = await cli('check', demo);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Integriteit: +ok$/m);
    expect(result.out).toMatch(/^Verwijzingen: +ok$/m);
    expect(result.out).toMatch(new RegExp(`^Schemaversie: +${SCHEMA_VERSION} `, 'm'));
    expect(result.out).toMatch(/^Application id: +0x504A4C50 \(Pijlerplan\)$/m);
    expect(result.out).toMatch(/^ {2}municipality +285$/m);
    expect(result.out).toMatch(/^Resultaat: +in orde\n$/m);
  });

  it('gives JSON for scripts', async () => {
    const result = await cli('check', demo, '--format', 'json');
    expect(JSON.parse(result.out)).toMatchObject({
      ok: true,
      integrity: ['ok'],
      isPijlerplan: true,
    });
  });

  it('says NIET in orde (exit 1) for a foreign SQLite file', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    const file = path.join(dir, 'vreemd.sqlite');
    await writeFile(file, db.export());
    const result = await cli('check', file);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^Application id: +0x00000000 \(onbekend\)$/m);
    expect(result.out).toMatch(
      /^Resultaat: +NIET in orde \(geen Pijlerplan-werkruimte, geen schema\)$/m,
    );
  });

  it.each([
    {
      name: 'a missing file',
      file: () => path.join(dir, 'weg.pijlerplan'),
      err: /bestaat niet\.\n$/,
    },
    {
      name: 'a spreadsheet',
      file: () => path.join(ROOT, 'package.json'),
      err: /geen Pijlerplan-werkruimte \(geen SQLite-databank\)\.\n$/,
    },
    { name: 'a folder', file: () => dir, err: /is een map, geen werkruimtebestand\.\n$/ },
  ])('fails with one line for $name', async ({ file, err }) => {
    const result = await cli('check', file());
    expect(result.code).toBe(1);
    expect(result.err).toMatch(err);
    expect(result.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('the command line itself', () => {
  it('lists the commands for help, and refuses an unknown command with the usage', async () => {
    const help = await cli('help');
    expect(help.code).toBe(0);
    for (const name of ['demo', 'query', 'check'])
      expect(help.out).toMatch(new RegExp(`^ {2}${name} `, 'm'));
    const unknown = await cli('exporteer');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^Fout: onbekende opdracht "exporteer"\.\nGebruik: npm run cli/);
  });

  it('exits non-zero through the real entry point (npx tsx src/cli/main.ts)', async () => {
    const failed = await run(
      'npx',
      ['tsx', 'src/cli/main.ts', 'check', 'bestaat-niet.pijlerplan'],
      { cwd: ROOT },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe('Fout: Het bestand bestaat-niet.pijlerplan bestaat niet.\n');
    const ok = await run(
      'npx',
      ['tsx', 'src/cli/main.ts', 'query', demo, 'SELECT count(*) FROM pilot', '--format', 'csv'],
      { cwd: ROOT },
    );
    expect(ok.stdout).toBe('count(*)\n26\n');
  });
});

describe('helpers', () => {
  it('parses options strictly', () => {
    expect(
      parseArgs(
        ['a', '--format', 'csv', 'b', '--x=1'],
        { format: { type: 'string' }, x: { type: 'string' } },
        'u',
      ),
    ).toEqual({
      positionals: ['a', 'b'],
      options: { format: 'csv', x: '1' },
    });
    expect(() => parseArgs(['--format'], { format: { type: 'string' } }, 'u')).toThrow(
      'Optie --format heeft een waarde nodig. Gebruik: u',
    );
  });

  it('quotes CSV fields that need it and aligns tables', () => {
    expect(
      formatCsv(
        ['a', 'b'],
        [
          ['x,y', 'zei "ja"'],
          [null, 1.5],
        ],
      ),
    ).toBe('a,b\n"x,y","zei ""ja"""\n,1.5\n');
    expect(
      formatTable(
        ['naam', 'n'],
        [
          ['Éléonore', 3],
          ['Jan', 12],
        ],
      ),
    ).toBe('naam      n\n--------  --\nÉléonore   3\nJan       12\n(2 rijen)\n');
  });
});
