import { describe, expect, it } from 'vitest';
import type {
  EntityDefinition,
  ImportFile,
  ImportPlan,
  ImportPreview,
} from '../../../src/core/import/api-types';
import { DOMAIN_TABLES } from '../../../src/core/db/schema';
import { createFormatters } from '../../../src/features/import/format';
import { ImportUiError, isCancelled, toAppError } from '../../../src/features/import/import-api';
import { importEn, importNl } from '../../../src/features/import/locales';
import {
  columnLetter,
  defaultSheet,
  initialWizardState,
  mappingProblems,
  rowRole,
  suggestTableName,
  tableNameProblem,
  wizardReducer,
  type WizardState,
} from '../../../src/features/import/wizard-state';

const file: ImportFile = {
  fileId: 'file-1',
  fileName: 'inwoners.xlsx',
  fileSize: 7000,
  sha256: 'ab'.repeat(32),
  format: 'xlsx',
  sheets: [
    { name: 'Toelichting', rowCount: 3, hidden: true },
    { name: 'Leeg', rowCount: 0 },
    { name: 'Inwoners', rowCount: 9 },
  ],
};

function preview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    sheet: 'Inwoners',
    layout: {
      headerRow: 2,
      headerRows: 1,
      firstDataRow: 3,
      lastDataRow: 6,
      columns: [
        { index: 0, header: 'NIS-code', name: 'nis_code', type: 'nis_code' },
        { index: 1, header: 'Gemeente', name: 'gemeente', type: 'text' },
      ],
    },
    rows: [],
    totalRows: 9,
    suggestedTarget: { kind: 'entity', entity: 'municipality' },
    ...overrides,
  };
}

const plan = { planId: 'plan-1' } as ImportPlan;

function run(...actions: Parameters<typeof wizardReducer>[1][]): WizardState {
  return actions.reduce(wizardReducer, initialWizardState);
}

const loaded = {
  type: 'fileLoaded',
  file,
  source: { fileName: 'x', bytes: new Uint8Array() },
} as const;

describe('wizard reducer', () => {
  it('opens a file on its first visible sheet with rows', () => {
    expect(defaultSheet(file)).toBe('Inwoners');
    const state = run(loaded);
    expect(state.sheet).toBe('Inwoners');
    expect(state.step).toBe(0);
  });

  it('proposes the suggested target with the first preview, and keeps the user’s choice after', () => {
    const first = run(loaded, { type: 'previewLoaded', preview: preview(), key: 'a' });
    expect(first.target).toEqual({ kind: 'entity', entity: 'municipality' });
    const chosen = wizardReducer(first, {
      type: 'targetChanged',
      target: { kind: 'raw', table: 't' },
    });
    const again = wizardReducer(chosen, { type: 'previewLoaded', preview: preview(), key: 'b' });
    expect(again.target).toEqual({ kind: 'raw', table: 't' });
    expect(again.previewKey).toBe('b');
  });

  it('applies a saved template with its mapping and name', () => {
    const state = run(loaded, {
      type: 'previewLoaded',
      key: 'a',
      preview: preview({
        template: {
          id: 1,
          name: 'Inwoners maandelijks',
          target: { kind: 'entity', entity: 'municipality' },
          mapping: { nis_code: 0, name: 1 },
        },
      }),
    });
    expect(state.mappingSource).toBe('template');
    expect(state.appliedTemplate).toBe('Inwoners maandelijks');
    expect(state.mapping).toEqual({ nis_code: 0, name: 1 });
  });

  it.each([
    [
      'a new sheet',
      { type: 'sheetChosen', sheet: 'Toelichting' } as const,
      ['preview', 'target', 'plan'],
    ],
    [
      'layout overrides',
      { type: 'overridesChanged', overrides: { headerRow: 1 } } as const,
      ['plan'],
    ],
    ['a mapping change', { type: 'mappingChanged', field: 'name', column: 1 } as const, ['plan']],
    [
      'another entity',
      { type: 'targetChanged', target: { kind: 'entity', entity: 'pilot' } } as const,
      ['plan', 'mapping'],
    ],
  ])('%s invalidates what depends on it', (_name, action, cleared) => {
    const before: WizardState = {
      ...run(loaded, { type: 'previewLoaded', preview: preview(), key: 'a' }),
      mapping: { nis_code: 0 },
      mappingSource: 'suggested',
      plan,
    };
    const after = wizardReducer(before, action);
    for (const key of cleared) {
      const value = after[key as keyof WizardState];
      expect(value === null || (typeof value === 'object' && Object.keys(value).length === 0)).toBe(
        true,
      );
    }
  });

  it('forgets the merge choice when the raw table name changes', () => {
    const state = run(
      loaded,
      { type: 'targetChanged', target: { kind: 'raw', table: 'a' } },
      { type: 'rawOptionsChanged', options: { keyColumn: 'gemeente' } },
      { type: 'targetChanged', target: { kind: 'raw', table: 'b' } },
    );
    expect(state.rawOptions).toEqual({});
  });

  it('ends on the result panel after a commit and starts over on reset', () => {
    const done = run(loaded, { type: 'committed', result: {} as never });
    expect(done.step).toBe(6);
    expect(wizardReducer(done, { type: 'reset' })).toBe(initialWizardState);
  });
});

describe('mapping and table name checks', () => {
  const definition: EntityDefinition = {
    name: 'municipality',
    labelKey: 'import.entities.municipality',
    fields: [
      { key: 'nis_code', labelKey: '', type: 'nis_code', required: true, isKey: true },
      { key: 'name', labelKey: '', type: 'text', required: true },
      { key: 'inhabitants_2020', labelKey: '', type: 'integer', required: false },
    ],
  };

  it.each([
    [{ nis_code: 0, name: 1 }, []],
    [{ nis_code: 0, name: null }, [{ kind: 'requiredMissing', fields: ['name'] }]],
    [{ nis_code: 0, name: 0, inhabitants_2020: null }, [{ kind: 'duplicateColumn', column: 0 }]],
  ])('mapping %j → %j', (mapping, problems) => {
    expect(mappingProblems(definition, mapping)).toEqual(problems);
  });

  it.each([
    ['nieuwkomers_2024', null],
    ['', 'required'],
    ['Nieuwkomers', 'invalid'],
    ['2024_data', 'invalid'],
    ['met spatie', 'invalid'],
    ['municipality', 'reserved'],
    ['sqlite_x', 'reserved'],
  ])('table name %j → %j', (name, problem) => {
    expect(tableNameProblem(name, DOMAIN_TABLES)).toBe(problem);
  });

  it.each([
    ['Nieuwkomers 2024.xlsx', 'nieuwkomers_2024'],
    ['Évaluatie proeftuinen.csv', 'evaluatie_proeftuinen'],
    ['2024 cijfers.csv', 't_2024_cijfers'],
    ['***.csv', 'import'],
  ])('suggests a table name for %j', (name, table) => {
    expect(suggestTableName(name)).toBe(table);
    expect(tableNameProblem(suggestTableName(name), DOMAIN_TABLES)).toBeNull();
  });
});

describe('preview helpers', () => {
  const layout = { headerRow: 2, headerRows: 1, firstDataRow: 3, lastDataRow: 6 };
  it.each([
    [0, 'title'],
    [2, 'header'],
    [3, 'data'],
    [6, 'data'],
    [7, 'footer'],
  ] as const)('row %i is %s', (row, role) => {
    expect(rowRole(row, layout)).toBe(role);
  });

  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });
});

describe('formatting the Belgian way', () => {
  const nl = createFormatters('nl-BE');
  it.each([
    [nl.count(1234567), '1.234.567'],
    [nl.bytes(512), '512 B'],
    [nl.bytes(7372), '7,2 kB'],
    [nl.bytes(5 * 1024 * 1024), '5 MB'],
    [nl.cell(44021), '44021'],
    [nl.cell(540196, 'integer'), '540.196'],
    [nl.cell(12.5, 'decimal'), '12,5'],
    [nl.cell({ date: '2021-12-31' }), '31/12/2021'],
    [nl.cell(true), 'ja'],
    [nl.sql(87332, '(leeg)'), '87.332'],
    [nl.sql(2024, '(leeg)'), '2024'],
    [nl.sql(null, '(leeg)'), '(leeg)'],
    [nl.sql('2022-06-30', '(leeg)'), '30/06/2022'],
  ])('%s = %s', (actual, expected) => {
    expect(actual.replace(/\u00a0/g, ' ')).toBe(expected);
  });
});

describe('errors from the core', () => {
  it.each([
    [{ code: 'import.bad_file', message: 'Kapot' }, 'import.bad_file'],
    [{ ok: false, error: { code: 'x', message: 'y' } }, 'x'],
    [new Error('boem'), 'unexpected'],
    [new ImportUiError({ code: 'import.cancelled', message: 'geannuleerd' }), 'import.cancelled'],
  ])('%o → %s', (thrown, code) => {
    expect(toAppError(thrown).code).toBe(code);
  });

  it('recognises a cancelled job', () => {
    expect(isCancelled({ code: 'import.cancelled', message: '' })).toBe(true);
    expect(isCancelled({ code: 'import.bad_file', message: '' })).toBe(false);
  });
});

describe('locales', () => {
  const keys = (value: object, prefix = ''): string[] =>
    Object.entries(value).flatMap(([key, child]) =>
      typeof child === 'object' ? keys(child as object, `${prefix}${key}.`) : [`${prefix}${key}`],
    );
  it('English has every Dutch key and no empty string', () => {
    expect(keys(importEn).sort()).toEqual(keys(importNl).sort());
    for (const key of keys(importNl)) expect(key.length).toBeGreaterThan(0);
  });
});
