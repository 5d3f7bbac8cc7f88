import type { Database } from 'sql.js';
import { foldAccents } from '../readers/column-names';
import type { ImportPlan } from '../api-types';

export type NisMapping = ImportPlan['nisMappings'][number];

export type NisResolution =
  { ok: true; code: string; mapped?: boolean } | { ok: false; reason: string };

const fold = (text: string): string =>
  foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** "11001", 11001, "11.001", " 11001 " → "11001"; anything else → null. */
export function normaliseNisCode(value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value)) {
    return value >= 1000 && value <= 99999 ? String(value).padStart(5, '0') : null;
  }
  if (typeof value !== 'string') return null;
  const digits = value.trim().replace(/[.\s]/g, '');
  if (!/^\d{4,5}$/.test(digits)) return null;
  return digits.padStart(5, '0');
}

/**
 * Recognises NIS codes on the 2025 map and on the 2019–2024 map (via the municipality_crosswalk
 * table the reference data loads). An old code of a merged municipality is mapped to its new
 * code and counted, so the plan can show every mapping — rows are never silently dropped, and
 * a code neither map knows is an error.
 */
export class NisResolver {
  private readonly current = new Map<string, string>();
  private readonly crosswalk = new Map<
    string,
    { name2024: string; code2025: string; name2025: string; changed: boolean }
  >();
  private readonly byName = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  constructor(db: Database) {
    for (const [code, name] of db.exec('SELECT nis_code, name FROM municipality')[0]?.values ??
      []) {
      this.current.set(String(code), String(name));
      this.byName.set(fold(String(name)), String(code));
    }
    const rows =
      db.exec(
        'SELECT nis_code_2024, name_2024, nis_code_2025, name_2025, changed FROM municipality_crosswalk',
      )[0]?.values ?? [];
    for (const [c24, n24, c25, n25, changed] of rows) {
      this.crosswalk.set(String(c24), {
        name2024: String(n24),
        code2025: String(c25),
        name2025: String(n25),
        changed: Number(changed) === 1 || String(c24) !== String(c25),
      });
      // An old name finds its new municipality ("Borsbeek" → Antwerpen) unless the name is
      // still a municipality of its own.
      if (!this.byName.has(fold(String(n24)))) this.byName.set(fold(String(n24)), String(c24));
    }
  }

  /**
   * A code as a reference to an existing municipality. `allowNew` (the municipality entity's
   * own key) accepts a well-formed code neither map knows.
   */
  resolve(value: unknown, allowNew = false): NisResolution {
    const code = normaliseNisCode(value);
    if (code === null) {
      return { ok: false, reason: 'Geen geldige NIS-code (vijf cijfers verwacht)' };
    }
    const old = this.crosswalk.get(code);
    if (old && old.changed) {
      const key = `${code}>${old.code2025}`;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      return { ok: true, code: old.code2025, mapped: true };
    }
    if (this.current.has(code) || allowNew) return { ok: true, code };
    return {
      ok: false,
      reason:
        this.current.size === 0
          ? 'Onbekende NIS-code: de werkruimte heeft nog geen gemeentelijst'
          : 'Onbekende NIS-code: geen gemeente op de kaart van 2025 of 2019–2024',
    };
  }

  /** A code or a municipality name ("Merelbeke", "merelbeke-melle") → a 2025 code. */
  resolveReference(text: string): NisResolution {
    const asCode = normaliseNisCode(text);
    if (asCode !== null) return this.resolve(asCode);
    const code = this.byName.get(fold(text));
    if (code === undefined) {
      return { ok: false, reason: `Onbekende gemeente '${text}'` };
    }
    return this.resolve(code);
  }

  nameOf(code: string): string | undefined {
    return this.current.get(code);
  }

  /** The mappings used so far, with how many rows each touched. */
  mappings(): NisMapping[] {
    return [...this.counts.entries()]
      .map(([key, rows]) => {
        const [from = '', to = ''] = key.split('>');
        const old = this.crosswalk.get(from);
        return {
          from,
          fromName: old?.name2024 ?? from,
          to,
          toName: this.current.get(to) ?? old?.name2025 ?? to,
          rows,
        };
      })
      .sort((a, b) => a.from.localeCompare(b.from));
  }
}
