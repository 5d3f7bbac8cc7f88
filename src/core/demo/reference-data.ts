import type { Database, SqlValue } from 'sql.js';
import type { ResourceLoader } from '../resources';
import { loadRoles } from './organigram-sources';
import { loadActivities } from './planning-sources';
import { runRows, readSourceTable, SourceError } from './source-table';

export const REFERENCE_FILES = {
  municipalities2025: 'reference/municipalities_flanders_2025.csv',
  municipalities2019: 'reference/municipalities_2019_2024.csv',
  crosswalk: 'reference/municipality_crosswalk_2024_2025.csv',
} as const;

/**
 * The three city networks that, with the 15 referentieregio's, make the 18 fourth-pillar
 * networks. Antwerpen and Gent are cities whose municipality belongs to a referentieregio but
 * whose network is the city's own (run by Atlas and Amal); Brussel has no Flemish municipality.
 */
export const CITY_NETWORKS = [
  { code: 'NW-ANTWERPEN', name: 'Stad Antwerpen', nisCode: '11002' },
  { code: 'NW-GENT', name: 'Stad Gent', nisCode: '44021' },
  { code: 'NW-BRUSSEL', name: 'Brussel', nisCode: null },
] as const;

/** AgII's six regional teams, and the province each serves (Brussel: the capital region). */
export const AGII_REGIONS = [
  { code: 'AGII-ANT', name: 'AgII-regio Antwerpen', province: 'Antwerpen' },
  { code: 'AGII-BRU', name: 'AgII-regio Brussel', province: null },
  { code: 'AGII-LIM', name: 'AgII-regio Limburg', province: 'Limburg' },
  { code: 'AGII-OVL', name: 'AgII-regio Oost-Vlaanderen', province: 'Oost-Vlaanderen' },
  { code: 'AGII-VBR', name: 'AgII-regio Vlaams-Brabant', province: 'Vlaams-Brabant' },
  { code: 'AGII-WVL', name: 'AgII-regio West-Vlaanderen', province: 'West-Vlaanderen' },
] as const;

/**
 * The cities of Antwerpen and Gent run their own integration agencies (Atlas, Amal): AgII's
 * regional teams serve their provinces *without* them (DOMAIN.md). So their `agii_region_code`
 * is NULL — a roll-up by AgII region leaves them out, a roll-up by network shows them under
 * their city network. Borsbeek, merged into Antwerpen in 2025, follows the city.
 */
export const OWN_AGENCY_CITIES: ReadonlySet<string> = new Set(['11002', '44021']);

const FLEMISH_REGION = 'Vlaams Gewest';

/**
 * Fills `region`, `municipality` (the 285 Flemish municipalities of the 2025 map) and
 * `municipality_crosswalk` from the reference CSVs. Inhabitants on 1 January 2020 are summed
 * through the crosswalk, so a merged municipality counts all its former parts. Writes in a
 * savepoint: inside the caller's transaction, or on its own.
 */
export async function loadReferenceData(db: Database, resources: ResourceLoader): Promise<void> {
  writeReferenceData(db, await readReferenceData(resources));
}

/**
 * The app's own vocabulary for a new workspace: the activities (the fourth pillar, NT2, …) and
 * the roles. An allocation plan names its activity and an HR export its role by these codes or
 * names; without them a fresh workspace refused every allocation row ("Onbekende activiteit").
 * The demo loads the same two files.
 */
export async function loadVocabulary(db: Database, resources: ResourceLoader): Promise<void> {
  const [activities, roles] = await Promise.all([
    readSourceTable(resources, 'demo/activities.csv', ['code', 'name', 'is_pillar4', 'sort_order']),
    readSourceTable(resources, 'demo/roles.csv', ['code', 'name', 'is_pillar4']),
  ]);
  loadActivities(db, activities);
  loadRoles(db, roles);
}

/** The reference tables' rows, read and validated but not yet written. */
export type ReferenceData = {
  regions: SqlValue[][];
  municipalities: SqlValue[][];
  crosswalk: SqlValue[][];
};

/** Reads and validates the reference CSVs; throws a SourceError naming file and row. */
export async function readReferenceData(resources: ResourceLoader): Promise<ReferenceData> {
  const [map2025, map2019, crosswalk] = await Promise.all([
    readSourceTable(resources, REFERENCE_FILES.municipalities2025, [
      'nis_code',
      'gemeente',
      'arrondissement',
      'provincie',
      'referentieregio_code',
      'referentieregio',
    ]),
    readSourceTable(resources, REFERENCE_FILES.municipalities2019, [
      'nis_code',
      'name_nl',
      'region',
      'inhabitants_2020_01_01',
    ]),
    readSourceTable(resources, REFERENCE_FILES.crosswalk, [
      'nis_code_2024',
      'gemeente_2024',
      'nis_code_2025',
      'gemeente_2025',
      'changed',
    ]),
  ]);

  // Referentieregio's, in code order, each with one consistent name.
  const referenceRegions = new Map<string, string>();
  for (const row of map2025.rows) {
    const code = row.text('referentieregio_code');
    const name = row.text('referentieregio');
    if (!/^REFREG\d{2}$/.test(code)) row.fail(`"${code}" is geen referentieregiocode`);
    const known = referenceRegions.get(code);
    if (known !== undefined && known !== name)
      row.fail(`referentieregio ${code} heet hier "${name}", elders "${known}"`);
    referenceRegions.set(code, name);
  }
  const regionRows: SqlValue[][] = [...referenceRegions]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, name], i) => [code, name, 'network', i + 1]);
  CITY_NETWORKS.forEach((network, i) =>
    regionRows.push([network.code, network.name, 'network', referenceRegions.size + i + 1]),
  );
  AGII_REGIONS.forEach((region, i) => regionRows.push([region.code, region.name, 'agii', i + 1]));

  // Municipalities of the 2025 map.
  const agiiByProvince = new Map<string, string>(
    AGII_REGIONS.flatMap((r) => (r.province ? [[r.province, r.code] as const] : [])),
  );
  const cityNetwork = new Map<string, string>(
    CITY_NETWORKS.flatMap((n) => (n.nisCode ? [[n.nisCode, n.code] as const] : [])),
  );
  const municipalities = new Map<string, { name: string; values: SqlValue[] }>();
  for (const row of map2025.rows) {
    const nisCode = row.nisCode('nis_code');
    if (municipalities.has(nisCode)) row.fail(`NIS-code ${nisCode} komt twee keer voor`);
    const province = row.text('provincie');
    const agii = row.ref('provincie', agiiByProvince, 'provincie');
    const referenceRegion = row.text('referentieregio_code');
    const name = row.text('gemeente');
    municipalities.set(nisCode, {
      name,
      values: [
        nisCode,
        name,
        row.text('arrondissement'),
        province,
        referenceRegion,
        cityNetwork.get(nisCode) ?? referenceRegion,
        OWN_AGENCY_CITIES.has(nisCode) ? null : agii,
      ],
    });
  }

  // Crosswalk: every Flemish 2019–2024 code maps onto a 2025 municipality.
  const crosswalkRows: SqlValue[][] = [];
  const newCodeOf = new Map<string, string>();
  for (const row of crosswalk.rows) {
    const oldCode = row.nisCode('nis_code_2024');
    const newCode = row.nisCode('nis_code_2025');
    const target =
      municipalities.get(newCode) ??
      row.fail(`NIS-code ${newCode} staat niet in ${REFERENCE_FILES.municipalities2025}`);
    if (target.name !== row.text('gemeente_2025'))
      row.fail(`${newCode} heet "${target.name}" in de kaart van 2025`);
    if (newCodeOf.has(oldCode)) row.fail(`NIS-code ${oldCode} komt twee keer voor`);
    newCodeOf.set(oldCode, newCode);
    crosswalkRows.push([
      oldCode,
      row.text('gemeente_2024'),
      newCode,
      target.name,
      row.flag('changed'),
    ]);
  }

  // Inhabitants on 1 January 2020, summed onto the 2025 map.
  const inhabitants = new Map<string, number>();
  for (const row of map2019.rows) {
    if (row.text('region') !== FLEMISH_REGION) continue; // Brussels: not in the municipality table
    const oldCode = row.nisCode('nis_code');
    const newCode =
      newCodeOf.get(oldCode) ??
      row.fail(`NIS-code ${oldCode} staat niet in ${REFERENCE_FILES.crosswalk}`);
    const count = row.int('inhabitants_2020_01_01', { min: 0 });
    inhabitants.set(newCode, (inhabitants.get(newCode) ?? 0) + count);
  }
  for (const [nisCode, municipality] of municipalities) {
    const count = inhabitants.get(nisCode);
    if (count === undefined)
      throw new SourceError(
        REFERENCE_FILES.crosswalk,
        null,
        `geen enkele gemeente van 2019–2024 gaat op in ${nisCode} ${municipality.name}`,
      );
    municipality.values.push(count);
  }

  return {
    regions: regionRows,
    municipalities: [...municipalities.values()].map((m) => m.values),
    crosswalk: crosswalkRows,
  };
}

export function writeReferenceData(db: Database, data: ReferenceData): void {
  db.run('SAVEPOINT reference_data');
  try {
    runRows(
      db,
      'INSERT INTO region (code, name, kind, sort_order) VALUES (?, ?, ?, ?)',
      data.regions,
    );
    runRows(
      db,
      `INSERT INTO municipality (nis_code, name, arrondissement, province, reference_region_code,
         network_code, agii_region_code, inhabitants_2020) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      data.municipalities,
    );
    runRows(
      db,
      `INSERT INTO municipality_crosswalk (nis_code_2024, name_2024, nis_code_2025, name_2025, changed)
       VALUES (?, ?, ?, ?, ?)`,
      data.crosswalk,
    );
    db.run('RELEASE reference_data');
  } catch (error) {
    db.run('ROLLBACK TO reference_data');
    db.run('RELEASE reference_data');
    throw error;
  }
}
