import { describe, expect, it } from 'vitest';
import type { EntityName } from '../../../src/core/import/api-types';
import {
  rawTableName,
  resolveMapping,
  suggestMapping,
  suggestTarget,
} from '../../../src/core/import/pipeline/mapping';
import { normaliseHeader } from '../../../src/core/import/pipeline/synonyms';
import type { ColumnLayout } from '../../../src/core/import/types';

const columns = (...headers: string[]): ColumnLayout[] =>
  headers.map((header, index) => ({ index, header, name: `c${index}`, type: 'text' }));

describe('header synonyms', () => {
  it.each([
    ['NIS-code', 'niscode'],
    ['Nis code', 'niscode'],
    ['  VTE (%) ', 'vtepct'],
    ['Rapporteert aan…', 'rapporteertaan'],
    ['Coördinator', 'coordinator'],
  ])('normalises %j to %j', (header, expected) => {
    expect(normaliseHeader(header)).toBe(expected);
  });
});

describe('suggestMapping', () => {
  it.each<[EntityName, string[], Record<string, number>]>([
    [
      'municipality',
      ['NIS-code', 'Gemeente', 'Inwoners', 'Provincie'],
      { nis_code: 0, name: 1, inhabitants_2020: 2, province: 3 },
    ],
    [
      'municipality',
      ['nis', 'name_nl', 'arrondissement', 'inhabitants_2020_01_01'],
      { nis_code: 0, name: 1, arrondissement: 2, inhabitants_2020: 3 },
    ],
    [
      'position',
      ['ID', 'Naam', 'Functie', 'Rapporteert aan', 'Eenheid', 'VTE'],
      { code: 0, person_name: 1, title: 2, reports_to: 3, unit: 4, fte: 5 },
    ],
    [
      'position',
      ['Id', 'Name', 'Title', 'Reports To', 'Department', 'FTE'],
      { code: 0, person_name: 1, title: 2, reports_to: 3, unit: 4, fte: 5 },
    ],
    [
      'org_unit',
      ['Code', 'Afdeling', 'Soort', 'Valt onder'],
      { code: 0, name: 1, kind: 2, parent: 3 },
    ],
    [
      'newcomer_forecast',
      ['Gemeente', 'Jaar', 'Aantal nieuwkomers'],
      { nis_code: 0, year: 1, newcomers: 2 },
    ],
    [
      'allocation',
      ['Scenario', 'Functie', 'Activiteit', 'Maand', 'VTE'],
      { scenario: 0, position: 1, activity: 2, month: 3, fte: 4 },
    ],
    [
      'pilot',
      [
        'Projectcode',
        'Proeftuin',
        'Trekker',
        'Partnergemeenten',
        'Aanpak',
        'Budget',
        'Cofinanciering',
      ],
      {
        code: 0,
        name: 1,
        lead_nis_code: 2,
        municipalities: 3,
        approaches: 4,
        budget_eur: 5,
        cofinancing_eur: 6,
      },
    ],
  ])('%s: %j', (entity, headers, expected) => {
    const mapping = suggestMapping(columns(...headers), entity);
    for (const [field, index] of Object.entries(expected))
      expect(mapping[field], field).toBe(index);
    // Each column feeds one field at most.
    const used = Object.values(mapping).filter((v) => v !== null);
    expect(new Set(used).size).toBe(used.length);
  });

  it('leaves fields without a matching header unmapped', () => {
    const mapping = suggestMapping(columns('NIS-code', 'Opmerking'), 'municipality');
    expect(mapping.nis_code).toBe(0);
    expect(mapping.name).toBeNull();
    expect(mapping.province).toBeNull();
  });
});

describe('suggestTarget', () => {
  it.each([
    [
      ['ID', 'Naam', 'Functie', 'Rapporteert aan', 'Eenheid', 'VTE'],
      { kind: 'entity', entity: 'position' },
    ],
    [['NIS-code', 'Gemeente', 'Inwoners'], { kind: 'entity', entity: 'municipality' }],
    [['NIS', 'Jaar', 'Nieuwkomers'], { kind: 'entity', entity: 'newcomer_forecast' }],
    [['Datum', 'Bedrag', 'Omschrijving x'], { kind: 'raw', table: 'uitgaven_2024' }],
  ])('%j → %j', (headers, expected) => {
    expect(suggestTarget(columns(...headers), 'Uitgaven 2024.xlsx')).toEqual(expected);
  });

  it.each([
    ['Bevolking 2024.xlsx', 'bevolking_2024'],
    ['Nieuwkomers;per gemeente.csv', 'nieuwkomers_per_gemeente'],
    ['2024 cijfers.csv', 'k_2024_cijfers'],
  ])('raw table name of %j is %j', (name, expected) => {
    expect(rawTableName(name)).toBe(expected);
  });
});

describe('resolveMapping', () => {
  it('turns header names of a hand-written template into column indices', () => {
    expect(
      resolveMapping(
        { nis_code: 'NIS code', name: 1, province: 'bestaat niet' },
        columns('NIS-code', 'Gemeente'),
      ),
    ).toEqual({
      nis_code: 0,
      name: 1,
      province: null,
    });
  });
});
