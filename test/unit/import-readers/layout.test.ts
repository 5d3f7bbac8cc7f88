import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../../src/core/db/engine';
import { createRowInserter, insertRows } from '../../../src/core/import/pipeline/bulk-insert';
import type { InsertStrategy } from '../../../src/core/import/pipeline/bulk-insert';
import { detectLayout, readLayoutRows } from '../../../src/core/import/readers/layout';
import type { CellValue, SqlValue } from '../../../src/core/import/types';
import { open } from './fixtures';

const d = (date: string) => ({ date });

describe('detectLayout', () => {
  it.each<
    [string, CellValue[][], { headerRow: number; firstDataRow: number; lastDataRow: number }]
  >([
    [
      'header on row 4 under a title and a date',
      [
        ['Overzicht nieuwkomers'],
        [d('2024-12-31')],
        [],
        ['Gemeente', 'Aantal', 'VTE'],
        ['Gent', 120, 2.5],
        ['Genk', 80, 1],
      ],
      { headerRow: 3, firstDataRow: 4, lastDataRow: 5 },
    ],
    [
      'totals row under the data',
      [
        ['Gemeente', 'Aantal'],
        ['Gent', 1],
        ['Genk', 2],
        ['Totaal', 3],
      ],
      { headerRow: 0, firstDataRow: 1, lastDataRow: 2 },
    ],
    [
      'an empty row, then notes',
      [
        ['Gemeente', 'Aantal', 'Opmerking'],
        ['Gent', 1, 'ok'],
        ['Genk', 2, null],
        [],
        ['Bron: Statbel, bewerking AgII'],
        ['* voorlopige cijfers'],
      ],
      { headerRow: 0, firstDataRow: 1, lastDataRow: 2 },
    ],
    [
      'a footnote right under the data',
      [['Gemeente', 'Aantal', 'Opmerking'], ['Gent', 1, 'x'], ['(1) cijfers 2023']],
      { headerRow: 0, firstDataRow: 1, lastDataRow: 1 },
    ],
    [
      'empty rows inside the data are kept in the range',
      [['Gemeente', 'Aantal'], ['Gent', 1], [], ['Genk', 2]],
      { headerRow: 0, firstDataRow: 1, lastDataRow: 3 },
    ],
    [
      'empty rows between header and data',
      [['Naam', 'Waarde'], [], ['a', 1]],
      { headerRow: 0, firstDataRow: 2, lastDataRow: 2 },
    ],
  ])('%s', (_label, rows, expected) => {
    expect(detectLayout(rows, [])).toMatchObject(expected);
  });

  it('types columns from the data, Belgian and English number styles, NIS codes, dates and ja/nee', () => {
    const rows: CellValue[][] = [
      ['NIS', 'Gemeente', 'Bedrag', 'Amount', 'Aandeel', 'Datum', 'Actief', 'Aantal', 'Code'],
      ['11001', 'Aartselaar', '1.234,56', '1,234.56', '12,5 %', '31/12/2021', 'ja', '3', 'A1'],
      ['21004', 'Brussel', '99,5', '99.5', '7 %', '1/1/2022', 'nee', '12', 'B2'],
      ['44021', 'Gent', '1.000.000,00', '1,000,000.00', '100 %', '15/03/2022', 'x', '0', 'C3'],
    ];
    const layout = detectLayout(rows, []);
    expect(layout.columns.map((c) => [c.name, c.type, c.numberStyle ?? null])).toEqual([
      ['nis', 'nis_code', null],
      ['gemeente', 'text', null],
      ['bedrag', 'decimal', 'comma'],
      ['amount', 'decimal', 'dot'],
      ['aandeel', 'percent', 'comma'],
      ['datum', 'date', null],
      ['actief', 'boolean', null],
      ['aantal', 'integer', 'comma'],
      ['code', 'text', null],
    ]);
  });

  it('a sample that ends in data runs to the end of the sheet', () => {
    const rows: CellValue[][] = [
      ['Id', 'Naam'],
      ...Array.from({ length: 199 }, (_, i) => [i, `n${i}`]),
    ];
    expect(detectLayout(rows, [], { totalRows: 1_000_001 })).toMatchObject({
      firstDataRow: 1,
      lastDataRow: 1_000_000,
    });
  });

  it('gives unique names to repeated and empty headers', () => {
    const layout = detectLayout(
      [
        ['Naam', 'naam', null, 'Bedrag (€)'],
        ['a', 'b', 'c', 1],
      ],
      [],
    );
    expect(layout.columns.map((c) => c.name)).toEqual(['naam', 'naam_2', 'kolom_3', 'bedrag_eur']);
  });
});

describe('readLayoutRows', () => {
  it('drops totals and notes found at the end of a sheet longer than the preview', async () => {
    const lines = ['Titel', '', 'id;naam'];
    for (let i = 1; i <= 1000; i++) lines.push(`${i};naam ${i}`);
    lines.push('', 'Totaal;1000', 'Bron: eigen telling');
    const reader = await open(new TextEncoder().encode(lines.join('\r\n')), 'lang.csv');
    const sample: CellValue[][] = [];
    await reader.readRows('lang', (rows) => void sample.push(...rows), { maxRows: 50 });
    const layout = detectLayout(sample, [], { totalRows: reader.sheets[0]?.rowCount });
    expect(layout).toMatchObject({ headerRow: 2, firstDataRow: 3, lastDataRow: 1005 });
    const got: [number, number][] = [];
    const result = await readLayoutRows(
      reader,
      'lang',
      layout,
      (rows, first) => void got.push([first, rows.length]),
      {
        batchSize: 64,
      },
    );
    expect(result).toEqual({
      ok: true,
      value: { lastDataRow: 1002, rowCount: 1000, end: { reason: 'total', row: 1004 } },
    });
    expect(got[0]?.[0]).toBe(3);
    expect(got.reduce((n, [, c]) => n + c, 0)).toBe(1000);
  });
});

describe('bulk insert into sql.js', () => {
  const rows: SqlValue[][] = [
    [1, '11001', 'Zoë "Q" d\'Hondt', 1234.56, null],
    [2, '21004', 'Brussel; 🙂', -0.5, '2021-12-31'],
    [3, null, '', 0, 'x'],
  ];
  it.each<InsertStrategy>(['multi-values', 'text-blob'])(
    '%s stores every value with its type',
    async (strategy) => {
      const SQL = await loadEngine();
      const db = new SQL.Database();
      db.run('CREATE TABLE "t x" (id INTEGER, nis TEXT, naam TEXT, bedrag REAL, datum TEXT)');
      db.run('BEGIN');
      const inserter = createRowInserter(
        db,
        't x',
        ['id', 'nis', 'naam', 'bedrag', 'datum'],
        strategy,
      );
      for (let i = 0; i < 700; i += 1) inserter.add([[i + 10, '44021', 'n', i / 2, null]]);
      inserter.add(rows);
      inserter.finish();
      db.run('COMMIT');
      expect(inserter.inserted).toBe(703);
      const out = db.exec(
        'SELECT id, nis, typeof(nis), naam, bedrag, typeof(bedrag), datum FROM "t x" WHERE id < 10 ORDER BY id',
      );
      expect(out[0]?.values).toEqual([
        [1, '11001', 'text', 'Zoë "Q" d\'Hondt', 1234.56, 'real', null],
        [2, '21004', 'text', 'Brussel; 🙂', -0.5, 'real', '2021-12-31'],
        [3, null, 'null', '', 0, 'real', 'x'],
      ]);
      db.close();
    },
  );

  it('text-blob: a batch with a number in a text column, many rows per statement, long text', async () => {
    const SQL = await loadEngine();
    const db = new SQL.Database();
    db.run('CREATE TABLE t (id INTEGER, naam TEXT, opm TEXT)');
    db.run('BEGIN');
    const inserter = createRowInserter(db, 't', ['id', 'naam', 'opm'], 'text-blob');
    const long = 'é’'.repeat(400_000);
    const batch: SqlValue[][] = [];
    for (let i = 0; i < 2345; i++) batch.push([i, `naam ${i} ë`, i === 7 ? long : null]);
    inserter.add(batch);
    inserter.add([[9000, 12.5, 'getal in tekstkolom']]);
    inserter.finish();
    db.run('COMMIT');
    expect(db.exec('SELECT count(*), sum(length(naam)) FROM t')[0]?.values[0]).toEqual([
      2346,
      batch.reduce((n, r) => n + String(r[1]).length, 0) + 4,
    ]);
    expect(db.exec('SELECT length(opm), typeof(opm) FROM t WHERE id = 7')[0]?.values[0]).toEqual([
      800_000,
      'text',
    ]);
    expect(db.exec('SELECT opm = ? FROM t WHERE id = 7', [long])[0]?.values[0]).toEqual([1]);
    expect(db.exec('SELECT naam, typeof(naam) FROM t WHERE id = 9000')[0]?.values[0]).toEqual([
      '12.5',
      'text',
    ]);
    db.close();
  });

  it('insertRows uses the default strategy', async () => {
    const SQL = await loadEngine();
    const db = new SQL.Database();
    db.run('CREATE TABLE t (a, b)');
    expect(
      insertRows(
        db,
        't',
        ['a', 'b'],
        [
          [1, 'é'],
          [2, null],
        ],
      ),
    ).toBe(2);
    expect(db.exec('SELECT a, b FROM t')[0]?.values).toEqual([
      [1, 'é'],
      [2, null],
    ]);
  });
});
