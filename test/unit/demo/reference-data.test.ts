import type { Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData, REFERENCE_FILES } from '../../../src/core/demo/reference-data';
import { SourceError } from '../../../src/core/demo/source-table';
import { parseCsvText } from '../../../src/core/import/readers/csv';
import { diskResources } from '../../../src/node/disk-resources';
import { emptyWorkspace, patchedResources, rows, value } from './helpers';

describe('loadReferenceData', () => {
  let db: Database;
  beforeAll(async () => {
    db = await emptyWorkspace();
    await loadReferenceData(db, diskResources);
  });

  it('loads the 285 Flemish municipalities of the 2025 map and no Brussels one', () => {
    expect(value(db, 'SELECT count(*) FROM municipality')).toBe(285);
    expect(value(db, "SELECT count(*) FROM municipality WHERE nis_code LIKE '21%'")).toBe(0);
  });

  it('makes 18 fourth-pillar networks and 6 AgII regions', () => {
    expect(rows(db, 'SELECT kind, count(*) FROM region GROUP BY kind ORDER BY kind')).toEqual([
      ['agii', 6],
      ['network', 18],
    ]);
    const networks = rows(db, "SELECT code FROM region WHERE kind = 'network' ORDER BY sort_order");
    expect(networks.flat()).toEqual([
      ...Array.from({ length: 15 }, (_, i) => `REFREG${String(i + 1).padStart(2, '0')}`),
      'NW-ANTWERPEN',
      'NW-GENT',
      'NW-BRUSSEL',
    ]);
    expect(value(db, "SELECT name FROM region WHERE code = 'REFREG15'")).toBe('Limburg');
  });

  it('sums inhabitants to the Flemish total of the 2019–2024 file (6,629,143)', async () => {
    const file = parseCsvText(await diskResources.text(REFERENCE_FILES.municipalities2019));
    const header = file[0] ?? [];
    const region = header.indexOf('region');
    const inhabitants = header.indexOf('inhabitants_2020_01_01');
    const flemish = file
      .slice(1)
      .filter((r) => r[region] === 'Vlaams Gewest')
      .reduce((sum, r) => sum + Number(r[inhabitants]), 0);
    expect(flemish).toBe(6_629_143);
    expect(value(db, 'SELECT sum(inhabitants_2020) FROM municipality')).toBe(flemish);
    expect(value(db, 'SELECT count(*) FROM municipality WHERE inhabitants_2020 > 0')).toBe(285);
  });

  it.each([
    ['11002', 'Antwerpen', 529_247 + 10_949], // + Borsbeek
    ['44088', 'Merelbeke-Melle', 24_756 + 11_811],
    ['23106', 'Pajottegem', 8_836 + 9_189 + 6_699],
    ['71072', 'Hasselt', 78_714 + 8_437], // + Kortessem
    ['46030', 'Beveren-Kruibeke-Zwijndrecht', 49_047 + 16_846 + 19_154],
    ['11001', 'Aartselaar', 14_427],
  ])('sums merged municipalities through the crosswalk: %s %s', (nisCode, name, inhabitants) => {
    expect(
      rows(db, 'SELECT name, inhabitants_2020 FROM municipality WHERE nis_code = ?', [nisCode]),
    ).toEqual([[name, inhabitants]]);
  });

  it.each([
    // nis code, reference region, network, AgII region (NULL: the city runs its own agency)
    ['11002', 'REFREG01', 'NW-ANTWERPEN', null],
    ['44021', 'REFREG13', 'NW-GENT', null],
    ['11005', 'REFREG01', 'REFREG01', 'AGII-ANT'],
    ['46030', 'REFREG14', 'REFREG14', 'AGII-OVL'],
    ['71072', 'REFREG15', 'REFREG15', 'AGII-LIM'],
    ['24062', 'REFREG05', 'REFREG05', 'AGII-VBR'],
    ['31005', 'REFREG06', 'REFREG06', 'AGII-WVL'],
  ])(
    'places %s in its reference region, network and AgII region',
    (nisCode, ref, network, agii) => {
      expect(
        rows(
          db,
          'SELECT reference_region_code, network_code, agii_region_code FROM municipality WHERE nis_code = ?',
          [nisCode],
        ),
      ).toEqual([[ref, network, agii]]);
    },
  );

  it('gives every network but Brussel its municipalities', () => {
    const empty = rows(
      db,
      `SELECT code FROM region r WHERE kind = 'network'
         AND NOT EXISTS (SELECT 1 FROM municipality m WHERE m.network_code = r.code)`,
    );
    expect(empty).toEqual([['NW-BRUSSEL']]);
  });

  it('loads the crosswalk: 300 old codes, 27 of them merged', () => {
    expect(rows(db, 'SELECT count(*), sum(changed) FROM municipality_crosswalk')).toEqual([
      [300, 27],
    ]);
    expect(
      rows(
        db,
        "SELECT nis_code_2025, name_2025 FROM municipality_crosswalk WHERE nis_code_2024 = '11007'",
      ),
    ).toEqual([['11002', 'Antwerpen']]);
  });

  it.each([
    [
      'an unknown province',
      REFERENCE_FILES.municipalities2025,
      (t: string) =>
        t.replace(
          '11001,Aartselaar,11000,Antwerpen,10000,Antwerpen',
          '11001,Aartselaar,11000,Antwerpen,10000,Atlantis',
        ),
      /municipalities_flanders_2025\.csv, rij 2: onbekende provincie "Atlantis"/,
    ],
    [
      'a crosswalk target that is not on the 2025 map',
      REFERENCE_FILES.crosswalk,
      (t: string) =>
        t.replace('11007,Borsbeek,11002,Antwerpen,1', '11007,Borsbeek,11099,Antwerpen,1'),
      /municipality_crosswalk_2024_2025\.csv, rij \d+: NIS-code 11099 staat niet in/,
    ],
    [
      'a non-numeric population',
      REFERENCE_FILES.municipalities2019,
      (t: string) =>
        t.replace(
          '11001,Aartselaar,Antwerpen,Antwerpen,Vlaams Gewest,14427',
          '11001,Aartselaar,Antwerpen,Antwerpen,Vlaams Gewest,veel',
        ),
      /municipalities_2019_2024\.csv, rij 2: kolom "inhabitants_2020_01_01": "veel" is geen getal/,
    ],
  ])('refuses %s, naming file and row, and writes nothing', async (_, file, patch, message) => {
    const fresh = await emptyWorkspace();
    const load = loadReferenceData(fresh, patchedResources({ [file]: patch }));
    await expect(load).rejects.toThrow(SourceError);
    await expect(loadReferenceData(fresh, patchedResources({ [file]: patch }))).rejects.toThrow(
      message,
    );
    expect(value(fresh, 'SELECT count(*) FROM region')).toBe(0);
  });
});
