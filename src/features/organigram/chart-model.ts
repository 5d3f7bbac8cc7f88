import type { ChartNode, OrgPosition, OrgUnit, OrgView, UnitRollup } from '../../core/org';

/** What a card says, worked out once per view for the screen and the export alike. */
export type CardText = {
  /** Title (position) or name (unit), wrapped to at most two lines. */
  lines: string[];
  /** Person(s) holding the position, or "Vacature". Units: their kind and region. */
  sub: string | null;
  vacant: boolean;
  /** "1,0 FTE"; units: "12 functies · 10,5 FTE". */
  fte: string;
  /** "VP 50 %" for a position with a fourth-pillar share; units: the fourth-pillar FTE. */
  pillar4: string | null;
  /** Units only: filled/vacant and headcount. */
  detail: string | null;
  /** Named in one of the validation issues. */
  issue: boolean;
};

export type CardLabels = {
  vacant: string;
  fte: (value: string) => string;
  share: (percent: string) => string;
  unitFte: (positions: number, fte: string) => string;
  unitPillar4: (fte: string, filled: string) => string;
  unitDetail: (filled: number, vacant: number, headcount: number) => string;
  kinds: Record<string, string>;
};

/** Splits a title into at most `maxLines` lines of about `maxChars`, the last one cut with "…". */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= maxChars || line === '') line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, maxChars - 1)}…`;
    return kept;
  }
  return lines.map((l) => (l.length > maxChars ? `${l.slice(0, maxChars - 1)}…` : l));
}

/** Card texts by card key ("p12", "u3"); only `get` is needed, so it can be lazy. */
export type CardTexts = Pick<Map<string, CardText>, 'get'>;

/**
 * The texts of the cards, each worked out the first time it is asked for and kept. A chart of
 * 3,000 positions draws only the few dozen cards in view, and formatting every card's numbers
 * and translations up front cost ~150 ms of the first render (measured in the bench's profile).
 */
export function cardTexts(view: OrgView, labels: CardLabels, locale: string): CardTexts {
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 2,
  });
  const percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  let inIssue: Set<number> | null = null;
  let rollups: Map<number, UnitRollup> | null = null;
  let positions: Map<number, OrgPosition> | null = null;
  let units: Map<number, OrgUnit> | null = null;
  const made = new Map<string, CardText>();

  const positionText = (p: OrgPosition): CardText => {
    inIssue ??= new Set(view.issues.flatMap((issue) => issue.positionIds));
    return {
      lines: wrapText(p.title, 32, 2),
      sub: p.holders.length > 0 ? p.holders.map((h) => h.name).join(', ') : labels.vacant,
      vacant: p.holders.length === 0,
      fte: labels.fte(number.format(p.budgetFte)),
      pillar4: p.pillar4Share > 0 ? labels.share(percent.format(p.pillar4Share * 100)) : null,
      detail: null,
      issue: inIssue.has(p.id),
    };
  };
  const unitText = (u: OrgUnit): CardText => {
    rollups ??= new Map(view.rollups.map((r) => [r.unitId, r]));
    const r = rollups.get(u.id);
    const kind = labels.kinds[u.kind] ?? u.kind;
    return {
      lines: wrapText(u.name, 32, 2),
      sub: u.regionName ? `${kind} · ${u.regionName}` : kind,
      vacant: false,
      fte: labels.unitFte(r?.positions ?? 0, number.format(r?.totalFte ?? 0)),
      pillar4:
        r && r.pillar4Fte > 0
          ? labels.unitPillar4(number.format(r.pillar4Fte), number.format(r.pillar4FilledFte))
          : null,
      detail: labels.unitDetail(r?.filled ?? 0, r?.vacant ?? 0, r?.headcount ?? 0),
      issue: false,
    };
  };

  return {
    get(key: string): CardText | undefined {
      const known = made.get(key);
      if (known) return known;
      const id = Number(key.slice(1));
      let text: CardText | undefined;
      if (key.startsWith('p')) {
        positions ??= new Map(view.snapshot.positions.map((p) => [p.id, p]));
        const p = positions.get(id);
        if (p) text = positionText(p);
      } else if (key.startsWith('u')) {
        units ??= new Map(view.snapshot.units.map((u) => [u.id, u]));
        const u = units.get(id);
        if (u) text = unitText(u);
      }
      if (text) made.set(key, text);
      return text;
    },
  };
}

/**
 * The lens: positions with a fourth-pillar share are highlighted; every card on their way up
 * to the top stays at full strength (the steering chain); all others are dimmed.
 */
export function lensKeys(
  view: OrgView,
  parents: Map<string, string | null>,
): { highlight: Set<string>; chain: Set<string> } {
  const highlight = new Set(
    view.snapshot.positions.filter((p) => p.pillar4Share > 0).map((p) => `p${p.id}`),
  );
  const chain = new Set<string>();
  for (const key of highlight) {
    for (let up = parents.get(key) ?? null; up && !chain.has(up); up = parents.get(up) ?? null) {
      chain.add(up);
    }
  }
  // Reporting lines to managers in other units: keep those managers (and their chain) too.
  const byId = new Map(view.snapshot.positions.map((p) => [p.id, p]));
  for (const key of highlight) {
    let p = byId.get(Number(key.slice(1)));
    const seen = new Set<number>();
    while (p && p.reportsToId !== null && !seen.has(p.id)) {
      seen.add(p.id);
      const managerKey = `p${p.reportsToId}`;
      if (!highlight.has(managerKey)) chain.add(managerKey);
      for (
        let up = parents.get(managerKey) ?? null;
        up && !chain.has(up);
        up = parents.get(up) ?? null
      ) {
        chain.add(up);
      }
      p = byId.get(p.reportsToId);
    }
  }
  return { highlight, chain };
}

export type SearchEntry = { key: string; label: string; detail: string; haystack: string };

/**
 * Lower case without accents ("Élise" → "elise"), for matching. Printable ASCII and dashes
 * (nearly every "holder — title", code and name) skip the Unicode decomposition: for 3,300
 * entries that took ~15 ms of the organigram's first render.
 */
export const fold = (text: string) =>
  /^[ -~\u2013\u2014]*$/.test(text)
    ? text.toLowerCase()
    : text
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLocaleLowerCase('nl');

/** Everything the search box finds: positions by title, code and holder, units by name/code. */
export function searchEntries(view: OrgView): SearchEntry[] {
  const units = new Map(view.snapshot.units.map((u) => [u.id, u]));
  const entries: SearchEntry[] = [];
  for (const p of view.snapshot.positions) {
    const people = p.holders.map((h) => h.name).join(', ');
    const label = people ? `${people} — ${p.title}` : p.title;
    const detail = `${p.code} · ${units.get(p.unitId)?.name ?? ''}`;
    entries.push({ key: `p${p.id}`, label, detail, haystack: fold(`${label} ${p.code}`) });
  }
  for (const u of view.snapshot.units) {
    entries.push({
      key: `u${u.id}`,
      label: u.name,
      detail: u.code,
      haystack: fold(`${u.name} ${u.code}`),
    });
  }
  return entries;
}

export function searchChart(entries: SearchEntry[], query: string, limit = 12): SearchEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return entries.filter((e) => words.every((w) => e.haystack.includes(w))).slice(0, limit);
}

/** The keys of a node's ancestors in the chart tree, to expand them before jumping there. */
export function ancestorsOf(parents: Map<string, string | null>, key: string): string[] {
  const list: string[] = [];
  for (let up = parents.get(key) ?? null; up; up = parents.get(up) ?? null) list.push(up);
  return list;
}

export type { ChartNode };
