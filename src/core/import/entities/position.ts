import type { Database } from 'sql.js';
import { foldAccents } from '../readers/column-names';
import type { Row, TableWriter } from '../pipeline/commit';
import { checkHierarchy, childrenFirst } from './hierarchy';
import { RefLookup } from './lookup';
import {
  field,
  queryRows,
  type EntityImporter,
  type EntityRow,
  type ExistingRow,
  type PrepareContext,
} from './types';

const VACANCY = /^(vacature|vacant|vacancy|open|vrij|-+|n\.?v\.?t\.?)$/i;

const POSITION_COLUMNS: Record<string, string> = {
  code: 'code',
  title: 'title',
  fte: 'budget_fte',
  pillar4_share: 'pillar4_share',
  grade: 'grade',
  annual_cost: 'annual_cost',
  valid_from: 'valid_from',
  valid_to: 'valid_to',
};

const EXISTING_SQL = `
  SELECT p.*, p.budget_fte AS fte, u.code AS unit, r.code AS role, m.code AS reports_to,
         pe.name AS person_name, pe.code AS person_code, a.id AS assignment_id,
         a.fte AS assignment_fte, a.valid_from AS assignment_from
  FROM position p
  JOIN org_unit u ON u.id = p.unit_id
  LEFT JOIN role r ON r.id = p.role_id
  LEFT JOIN position m ON m.id = p.reports_to_id
  LEFT JOIN assignment a ON a.id = (
    SELECT max(id) FROM assignment WHERE position_id = p.id AND valid_to IS NULL)
  LEFT JOIN person pe ON pe.id = a.person_id`;

const EPSILON = 1e-9;

const fold = (text: string): string =>
  foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Positions from a Visio-style sheet (id, name, title, reports-to, unit, FTE): each row is a
 * position in a unit, reporting to another position, held by a person (found by code or name,
 * created when new) or vacant. Reporting cycles and missing managers are refused by row.
 */
export const positionImporter: EntityImporter = {
  name: 'position',
  labelKey: 'import.entities.position',
  fields: [
    field('position', 'code', 'text', { required: true, isKey: true }),
    field('position', 'person_name', 'text'),
    field('position', 'title', 'text', { required: true }),
    field('position', 'reports_to', 'text'),
    field('position', 'unit', 'text', { required: true }),
    field('position', 'fte', 'decimal'),
    field('position', 'person_code', 'text'),
    field('position', 'person_fte', 'decimal'),
    field('position', 'role', 'text'),
    field('position', 'pillar4_share', 'percent'),
    field('position', 'grade', 'text'),
    field('position', 'annual_cost', 'currency'),
    field('position', 'valid_from', 'date'),
    field('position', 'valid_to', 'date'),
    // The holder's part of the position and since when (an HR export's "VTE op deze functie",
    // "In functie sinds"); without them the holder fills the whole budget FTE.
    field('position', 'assignment_fte', 'decimal'),
    field('position', 'assignment_from', 'date'),
    // Only used when the person is new to the workspace (an existing person is not changed).
    field('position', 'person_email', 'text'),
    field('position', 'person_valid_from', 'date'),
  ],
  keyOf: (values) => String(values.code ?? ''),
  dependsOn: (row) => (row.values.reports_to ? [String(row.values.reports_to)] : []),
  prepare(rows, context) {
    const { db, mapped } = context;
    const units = RefLookup.fromTable(db, 'org_unit');
    const roles = RefLookup.fromTable(db, 'role');
    for (const row of rows) {
      const v = row.values;
      if (v.code !== null && v.code !== undefined) v.code = String(v.code).trim();
      if (typeof v.person_name === 'string' && VACANCY.test(v.person_name.trim()))
        v.person_name = null;
      if (v.unit !== null && v.unit !== undefined) {
        const unit = units.find(String(v.unit));
        if (unit) v.unit = unit.code;
        else
          context.issue(row, 'unit', `Eenheid '${String(v.unit)}' bestaat niet in de werkruimte`);
      }
      if (mapped.has('role') && v.role !== null && v.role !== undefined) {
        const role = roles.find(String(v.role));
        if (role) v.role = role.code;
        else context.issue(row, 'role', `Onbekende rol '${String(v.role)}'`);
      }
      if (typeof v.fte === 'number' && v.fte < 0) {
        context.issue(row, 'fte', 'VTE kan niet negatief zijn');
      }
      if (typeof v.fte === 'number' && v.fte === 0 && v.person_name) {
        context.issue(row, 'fte', 'Een bezette functie heeft meer dan 0 VTE nodig');
      }
      if (typeof v.person_fte === 'number' && (v.person_fte <= 0 || v.person_fte > 1)) {
        context.issue(row, 'person_fte', 'Contract-VTE moet tussen 0 en 1 liggen');
      }
      if (typeof v.assignment_fte === 'number') {
        if (v.assignment_fte <= 0 || v.assignment_fte > 1)
          context.issue(row, 'assignment_fte', 'De VTE op de functie moet tussen 0 en 1 liggen');
        else if (typeof v.fte === 'number' && v.assignment_fte > v.fte + EPSILON)
          context.issue(
            row,
            'assignment_fte',
            `De titularis vult ${v.assignment_fte} VTE, meer dan het budget van de functie (${v.fte})`,
          );
        if (!v.person_name && !v.person_code)
          context.issue(row, 'assignment_fte', 'VTE op de functie zonder titularis', 'warning');
      }
      if (typeof v.pillar4_share === 'number') {
        // "50" in a column typed as a number means 50 %, not 5,000 %.
        if (v.pillar4_share > 1 && v.pillar4_share <= 100) v.pillar4_share = v.pillar4_share / 100;
        if (v.pillar4_share < 0 || v.pillar4_share > 1) {
          context.issue(
            row,
            'pillar4_share',
            'Aandeel vierde pijler moet tussen 0 en 100 % liggen',
          );
        }
      }
    }
    checkContracts(rows, context);
    const existing = queryRows(db, EXISTING_SQL);
    const existingParents = new Map<string, string | null>();
    for (const r of existing) {
      existingParents.set(String(r.code), r.reports_to === null ? null : String(r.reports_to));
    }
    // Reports-to may name the manager's position id or the manager's name (Visio exports do both).
    const inFile = new RefLookup(
      rows.map((r) => ({
        id: String(r.values.code),
        code: String(r.values.code),
        name: String(r.values.person_name ?? ''),
      })),
    );
    const inDb = new RefLookup(
      existing.map((r) => ({
        id: String(r.code),
        code: String(r.code),
        name: String(r.person_name ?? ''),
      })),
    );
    checkHierarchy({
      rows,
      context,
      keyField: 'code',
      parentField: 'reports_to',
      findParent: (text) => inFile.find(text)?.code ?? inDb.find(text)?.code,
      existingParents,
      labels: {
        missing: (text) =>
          `Rapporteert aan '${text}', maar die functie bestaat niet (niet in het bestand, niet in de werkruimte)`,
        self: 'Een functie kan niet aan zichzelf rapporteren',
        cycle: (path) => `Kring in de rapporteringslijnen: ${path}`,
      },
    });
  },
  loadExisting(db) {
    const map = new Map<string, ExistingRow>();
    for (const r of queryRows(db, EXISTING_SQL)) {
      map.set(String(r.code), { values: r, pk: { id: r.id ?? null } });
    }
    return map;
  },
  write({ db, writer, mapped, existing }, { added, changed, removed }) {
    const unitId = (code: unknown): number | null =>
      scalar(db, 'SELECT id FROM org_unit WHERE code = ?', code);
    const roleId = (code: unknown): number | null =>
      scalar(db, 'SELECT id FROM role WHERE code = ?', code);
    const positionId = (code: unknown): number | null =>
      scalar(db, 'SELECT id FROM position WHERE code = ?', code);
    const columns = (row: EntityRow): Row => {
      const out: Row = {};
      for (const [key, column] of Object.entries(POSITION_COLUMNS)) {
        if (mapped.has(key)) out[column] = row.values[key] ?? null;
      }
      if (mapped.has('fte') && out.budget_fte === null) delete out.budget_fte;
      if (mapped.has('pillar4_share') && out.pillar4_share === null) delete out.pillar4_share;
      if (mapped.has('unit')) out.unit_id = unitId(row.values.unit);
      if (mapped.has('role')) out.role_id = row.values.role ? roleId(row.values.role) : null;
      return out;
    };
    for (const row of added) writer.insert('position', columns(row));
    const managerId = (row: EntityRow): number | null =>
      row.values.reports_to ? positionId(row.values.reports_to) : null;
    if (mapped.has('reports_to')) {
      for (const row of added) {
        const id = positionId(row.values.code);
        if (id !== null)
          writer.update('position', { id }, { reports_to_id: managerId(row) }, false);
      }
    }
    for (const row of changed) {
      const old = existing.get(String(row.values.code));
      if (!old) continue;
      const values = columns(row);
      if (mapped.has('reports_to')) values.reports_to_id = managerId(row);
      writer.update('position', old.pk, values);
    }
    if (mapped.has('person_name') || mapped.has('person_code')) {
      const people = new People(db, writer);
      for (const row of [...added, ...changed]) {
        const id = positionId(row.values.code);
        if (id !== null) people.assign(id, row, mapped);
      }
    }
    const parentOf = (key: string): string | null => {
      const p = existing.get(key)?.values.reports_to;
      return p === null || p === undefined ? null : String(p);
    };
    for (const key of childrenFirst(removed, parentOf)) {
      const old = existing.get(key);
      if (!old) continue;
      for (const a of queryRows(db, 'SELECT id FROM assignment WHERE position_id = ?', [
        Number(old.pk.id),
      ])) {
        writer.delete('assignment', { id: a.id ?? null }, false);
      }
      writer.delete('position', old.pk);
    }
  },
};

function scalar(db: Database, sql: string, param: unknown): number | null {
  const v = db.exec(sql, [param === null || param === undefined ? null : String(param)])[0]
    ?.values[0]?.[0];
  return v === undefined || v === null ? null : Number(v);
}

/** Finds or creates the people a sheet names, and keeps each position's assignment in step. */
class People {
  private readonly byCode = new Map<string, number>();
  private readonly byName = new Map<string, number | null>();
  private readonly codes = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly writer: TableWriter,
  ) {
    for (const r of queryRows(db, 'SELECT id, code, name FROM person'))
      this.remember(Number(r.id), String(r.code), String(r.name));
  }

  private remember(id: number, code: string, name: string): void {
    this.byCode.set(fold(code), id);
    this.codes.add(code);
    const key = fold(name);
    this.byName.set(key, this.byName.has(key) ? null : id);
  }

  private personFor(row: EntityRow): number | null {
    const name =
      row.values.person_name === null || row.values.person_name === undefined
        ? ''
        : String(row.values.person_name).trim();
    const code =
      row.values.person_code === null || row.values.person_code === undefined
        ? ''
        : String(row.values.person_code).trim();
    if (name === '' && code === '') return null;
    const found =
      (code !== '' ? this.byCode.get(fold(code)) : undefined) ??
      (name !== '' ? this.byName.get(fold(name)) : undefined);
    if (found !== undefined && found !== null) return found;
    let newCode = code;
    if (newCode === '') {
      const base = `P-${fold(name).replace(/ /g, '-') || 'persoon'}`;
      newCode = base;
      for (let n = 2; this.codes.has(newCode); n++) newCode = `${base}-${n}`;
    }
    const contract = typeof row.values.person_fte === 'number' ? row.values.person_fte : 1;
    const pk = this.writer.insert(
      'person',
      {
        code: newCode,
        name: name || newCode,
        contract_fte: contract,
        ...(typeof row.values.person_email === 'string' ? { email: row.values.person_email } : {}),
        ...(typeof row.values.person_valid_from === 'string'
          ? { valid_from: row.values.person_valid_from }
          : {}),
      },
      false,
    );
    const id = Number(pk.id);
    this.remember(id, newCode, name || newCode);
    return id;
  }

  assign(positionId: number, row: EntityRow, mapped: ReadonlySet<string>): void {
    const personId = this.personFor(row);
    const current = queryRows(
      this.db,
      'SELECT id, person_id, fte FROM assignment WHERE position_id = ? AND valid_to IS NULL ORDER BY id DESC LIMIT 1',
      [positionId],
    )[0];
    const share = row.values.assignment_fte;
    const fte =
      typeof share === 'number' && share > 0
        ? share
        : typeof row.values.fte === 'number' && row.values.fte > 0
          ? row.values.fte
          : (current?.fte ?? 1);
    const from: Row = mapped.has('assignment_from')
      ? { valid_from: row.values.assignment_from ?? null }
      : {};
    if (personId === null) {
      if (current) this.writer.delete('assignment', { id: current.id ?? null }, false);
      return;
    }
    if (current) {
      this.writer.update(
        'assignment',
        { id: current.id ?? null },
        {
          person_id: personId,
          ...(mapped.has('fte') || mapped.has('assignment_fte') ? { fte } : {}),
          ...from,
        },
        false,
      );
    } else {
      this.writer.insert(
        'assignment',
        { position_id: positionId, person_id: personId, fte, ...from },
        false,
      );
    }
  }
}

/**
 * A person may hold several positions, but never more FTE in all than their contract: summed
 * over the file's rows (each row's holder fills its assignment FTE, or the budget FTE).
 */
function checkContracts(rows: EntityRow[], context: PrepareContext): void {
  const { mapped } = context;
  if (!mapped.has('person_fte') || !(mapped.has('person_code') || mapped.has('person_name')))
    return;
  const totals = new Map<string, { contract: number; fte: number }>();
  for (const row of rows) {
    const v = row.values;
    if (context.rejected.has(row)) continue;
    const who =
      typeof v.person_code === 'string' && v.person_code.trim() !== ''
        ? v.person_code.trim()
        : typeof v.person_name === 'string'
          ? v.person_name.trim()
          : '';
    if (who === '') continue;
    const fte =
      typeof v.assignment_fte === 'number'
        ? v.assignment_fte
        : typeof v.fte === 'number'
          ? v.fte
          : 0;
    const key = fold(who);
    const seen = totals.get(key);
    const contract =
      seen?.contract ??
      (typeof v.person_fte === 'number' ? v.person_fte : Number.POSITIVE_INFINITY);
    const total = (seen?.fte ?? 0) + fte;
    totals.set(key, { contract, fte: total });
    if (total > contract + EPSILON)
      context.issue(
        row,
        'person_fte',
        `${who} komt op ${Math.round(total * 1000) / 1000} VTE over de functies in dit bestand, meer dan het contract (${contract})`,
      );
  }
}
