import {
  formatAmount,
  formatInteger,
  formatIsoDate,
  formatPercent,
} from '../../../i18n/formatters';
import type { Answer, AnswerOrgNode, AnswerSectionId, Figure, SplitRow } from '../types';

/**
 * The answer as a document: headings, paragraphs, tables, a nested list and bar charts, built
 * once from the Answer and rendered by the Markdown, Word and PDF writers — so the three say
 * the same thing with the same numbers, each formatted the app's way (formatAmount: "26,1 VTE",
 * "€ 40.000", "12").
 */
export type Align = 'left' | 'right';

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; note?: boolean }
  | {
      kind: 'table';
      columns: { label: string; align: Align }[];
      rows: string[][];
      /** A total row, set apart. */
      total?: string[];
    }
  | { kind: 'list'; items: { text: string; depth: number }[] }
  | {
      kind: 'bars';
      title: string;
      series: string[];
      rows: { label: string; values: number[] }[];
      unit: Figure['unit'];
    };

export const LOCALE = 'nl-BE';
export const ANSWER_TITLE = 'Vierde pijler in cijfers';

/** The five sub-questions, in the order of the parliamentary question. */
export const SECTION_TITLES: Record<AnswerSectionId, string> = {
  howMany: 'Hoeveel VTE?',
  where: 'Waar in het organigram?',
  steering: 'Hoe aangestuurd?',
  crossUnit: 'Transversale werking?',
  pilots: 'Proeftuinen en lokale besturen',
};
export const SECTION_ORDER: AnswerSectionId[] = [
  'howMany',
  'where',
  'steering',
  'crossUnit',
  'pilots',
];

/** A figure as every output writes it. */
export const figure = (f: Figure): string => formatAmount(f.value, f.unit, LOCALE);
/** An FTE number without its unit (table cells under a "VTE" header). */
export const fteText = (value: number): string => formatAmount(value, 'fte', LOCALE, false);
export const countText = (value: number): string => formatInteger(value, LOCALE);
/** 3 of 4 → "75 %"; "—" when there is nothing to divide by. */
export const shareText = (part: number, whole: number): string =>
  whole > 0 ? formatPercent(part / whole, LOCALE) : '—';
export const dateText = (iso: string): string => formatIsoDate(iso, LOCALE);

/** "Werkruimte …", "Scenario …", the reference day and the data date: what every output heads with. */
export function answerMeta(answer: Answer): { label: string; value: string }[] {
  return [
    { label: 'Werkruimte', value: answer.workspaceName },
    {
      label: 'Scenario',
      value: `${answer.scenario.name} (${answer.scenario.approved ? 'goedgekeurd' : 'ontwerp'})`,
    },
    { label: 'Peildatum', value: dateText(answer.date) },
    { label: 'Gegevensdatum', value: dateText(answer.dataDate) },
    {
      label: 'Planperiode',
      value: `${dateText(answer.horizon.from)} – ${dateText(answer.horizon.to)}`,
    },
  ];
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

const right = (label: string) => ({ label, align: 'right' as const });
const left = (label: string) => ({ label, align: 'left' as const });

function splitTable(title: string, rows: SplitRow[]): Block[] {
  if (rows.length === 0) return [];
  const planned = rows.reduce((sum, row) => sum + row.planned.value, 0);
  const filled = rows.reduce((sum, row) => sum + row.filled.value, 0);
  return [
    { kind: 'heading', level: 3, text: title },
    {
      kind: 'table',
      columns: [
        left(title.replace(/^Per /, '').replace(/^./, (c) => c.toUpperCase())),
        right('Gepland VTE'),
        right('Ingevuld VTE'),
        right('Vacant VTE'),
      ],
      rows: rows.map((row) => [
        row.label,
        fteText(row.planned.value),
        fteText(row.filled.value),
        fteText(row.planned.value - row.filled.value),
      ]),
      total: ['Totaal', fteText(planned), fteText(filled), fteText(planned - filled)],
    },
  ];
}

function howManyBlocks(answer: Answer): Block[] {
  const h = answer.howMany;
  const blocks: Block[] = [
    {
      kind: 'table',
      columns: [left('Kerncijfer'), right('Waarde')],
      rows: [
        ['Geplande VTE vierde pijler', figure(h.planned)],
        ['waarvan ingevuld', figure(h.filled)],
        ['Functies', figure(h.positions)],
        ['Personen', figure(h.people)],
        ['Vacatures', figure(h.vacancies)],
        ['Benodigde VTE (vraagmodel)', figure(h.required)],
        ['Kloof (gepland − benodigd, over de regio’s)', figure(h.gap)],
      ],
    },
  ];
  if (h.quarters.length > 0) {
    blocks.push(
      { kind: 'heading', level: 3, text: 'Per kwartaal' },
      {
        kind: 'table',
        columns: [left('Kwartaal'), right('Gepland VTE'), right('Ingevuld VTE')],
        rows: h.quarters.map((q) => [q.label, fteText(q.planned), fteText(q.filled)]),
      },
      {
        kind: 'bars',
        title: 'Gepland en ingevuld per kwartaal (VTE)',
        series: ['Gepland', 'Ingevuld'],
        rows: h.quarters.map((q) => ({ label: q.label, values: [q.planned, q.filled] })),
        unit: 'fte',
      },
    );
  }
  blocks.push(
    ...splitTable('Per afdeling', h.byDivision),
    ...splitTable('Per rol', h.byRole),
    ...splitTable('Per AgII-regio', h.byRegion),
  );
  if (h.regions.length > 0) {
    blocks.push(
      { kind: 'heading', level: 3, text: 'Benodigd en gepland per netwerk' },
      {
        kind: 'table',
        columns: [left('Netwerk'), right('Benodigd VTE'), right('Gepland VTE'), right('Kloof VTE')],
        rows: h.regions.map((r) => [
          r.name,
          fteText(r.required.value),
          fteText(r.planned.value),
          fteText(r.gap.value),
        ]),
        total: [
          'Totaal',
          fteText(sum(h.regions.map((r) => r.required.value))),
          fteText(sum(h.regions.map((r) => r.planned.value))),
          fteText(sum(h.regions.map((r) => r.gap.value))),
        ],
      },
      {
        kind: 'bars',
        title: 'Benodigd en gepland per netwerk (VTE)',
        series: ['Benodigd', 'Gepland'],
        rows: h.regions.map((r) => ({
          label: r.name,
          values: [r.required.value, r.planned.value],
        })),
        unit: 'fte',
      },
    );
  }
  return blocks;
}

/** The compact organigram as an indented list, parents before children, in the Answer's order. */
export function orgOutline(
  nodes: readonly AnswerOrgNode[],
): { node: AnswerOrgNode; depth: number }[] {
  const children = new Map<string | null, AnswerOrgNode[]>();
  const keys = new Set(nodes.map((node) => node.key));
  for (const node of nodes) {
    const parent = node.parentKey !== null && keys.has(node.parentKey) ? node.parentKey : null;
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }
  const out: { node: AnswerOrgNode; depth: number }[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const node of children.get(parent) ?? []) {
      out.push({ node, depth });
      visit(node.key, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export const orgLine = (node: AnswerOrgNode): string =>
  `${node.label} (${node.kind === 'unit' ? node.sublabel : node.vacant ? 'vacature' : node.sublabel}) — ${formatAmount(node.fte, 'fte', LOCALE)}`;

function whereBlocks(answer: Answer): Block[] {
  const outline = orgOutline(answer.where.nodes);
  if (outline.length === 0)
    return [{ kind: 'paragraph', text: 'Geen functies met een vierde-pijleraandeel.', note: true }];
  return [
    {
      kind: 'list',
      items: outline.map(({ node, depth }) => ({ text: orgLine(node), depth })),
    },
  ];
}

/** "Teamcoach (Sofie Maes, Team Antwerpen) → Afdelingshoofd (vacant, …) → …" */
export const chainText = (team: Answer['steering'][number]): string =>
  team.chain.length === 0
    ? '—'
    : team.chain
        .map((step) => `${step.title} (${step.holder ?? 'vacant'}, ${step.unitName})`)
        .join(' → ');

function steeringBlocks(answer: Answer): Block[] {
  if (answer.steering.length === 0)
    return [{ kind: 'paragraph', text: 'Geen vierde-pijlerteams.', note: true }];
  return [
    {
      kind: 'table',
      columns: [
        left('Team'),
        left('Afdeling'),
        right('Functies'),
        right('VTE'),
        left('Rapporteert via (lijn tot de top)'),
      ],
      rows: answer.steering.map((team) => [
        team.unitName,
        team.divisionName ?? '—',
        countText(team.positions),
        fteText(team.fte),
        chainText(team),
      ]),
    },
  ];
}

const endText = (end: Answer['crossUnit']['links'][number]['from']) =>
  end.kind === 'unit' ? end.label : `${end.label} (${end.unitName})`;

function crossUnitBlocks(answer: Answer): Block[] {
  const { links, pairs } = answer.crossUnit;
  if (links.length === 0)
    return [{ kind: 'paragraph', text: 'Geen transversale (stippellijn)verbanden.', note: true }];
  const blocks: Block[] = [];
  if (pairs.length > 0)
    blocks.push({
      kind: 'table',
      columns: [left('Afdeling'), left('werkt samen met'), right('Verbanden'), left('Via')],
      rows: pairs.map((pair) => [pair.a, pair.b, countText(pair.links), pair.labels.join('; ')]),
    });
  blocks.push(
    { kind: 'heading', level: 3, text: 'Stippellijnen' },
    {
      kind: 'table',
      columns: [left('Van'), left('Naar'), left('Label')],
      rows: links.map((link) => [endText(link.from), endText(link.to), link.label]),
    },
  );
  return blocks;
}

function pilotBlocks(answer: Answer): Block[] {
  const p = answer.pilots;
  const blocks: Block[] = [
    {
      kind: 'table',
      columns: [left('Kerncijfer'), right('Waarde')],
      rows: [
        ['Proeftuinen', figure(p.pilots)],
        ['Deelnemers bereikt', figure(p.participantsReached)],
        ['Deelnemers beoogd', figure(p.participantsTarget)],
        ['Bereik', shareText(p.participantsReached.value, p.participantsTarget.value)],
        ['Budget', figure(p.budgetEur)],
        ['Cofinanciering', figure(p.cofinancingEur)],
        [
          'Gemeenten in een proeftuin',
          `${figure(p.municipalitiesCovered)} van ${countText(p.municipalitiesTotal)}`,
        ],
        ['Tussentijdse evaluaties ingevuld', countText(p.interimEvaluations)],
      ],
    },
  ];
  if (p.byNetwork.length > 0)
    blocks.push(
      { kind: 'heading', level: 3, text: 'Gemeenten per netwerk' },
      {
        kind: 'table',
        columns: [left('Netwerk'), right('In een proeftuin'), right('Gemeenten'), right('Aandeel')],
        rows: p.byNetwork.map((n) => [
          n.name,
          countText(n.covered),
          countText(n.total),
          shareText(n.covered, n.total),
        ]),
        total: [
          'Totaal',
          countText(p.byNetwork.reduce((s, n) => s + n.covered, 0)),
          countText(p.byNetwork.reduce((s, n) => s + n.total, 0)),
          shareText(
            p.byNetwork.reduce((s, n) => s + n.covered, 0),
            p.byNetwork.reduce((s, n) => s + n.total, 0),
          ),
        ],
      },
    );
  blocks.push({ kind: 'heading', level: 3, text: 'Lokale besturen: paraatheid' });
  blocks.push(
    p.readiness
      ? {
          kind: 'table',
          columns: [left('Stand'), right('Aantal')],
          rows: p.readiness.map((r) => [r.label, figure(r.value)]),
        }
      : {
          kind: 'paragraph',
          text: 'Er zijn geen gegevens over de paraatheid van de lokale besturen geïmporteerd.',
          note: true,
        },
  );
  return blocks;
}

const FIGURES: Record<AnswerSectionId, (answer: Answer) => Block[]> = {
  howMany: howManyBlocks,
  where: whereBlocks,
  steering: steeringBlocks,
  crossUnit: crossUnitBlocks,
  pilots: pilotBlocks,
};

/** The paragraphs of the draft text for one sub-question (empty when the Answer has none). */
export const draftParagraphs = (answer: Answer, id: AnswerSectionId): string[] =>
  answer.text.find((section) => section.id === id)?.paragraphs ?? [];

export const sectionTitle = (answer: Answer, id: AnswerSectionId): string =>
  answer.text.find((section) => section.id === id)?.title ?? SECTION_TITLES[id];

/**
 * The whole document: title and meta, then per sub-question its draft paragraphs (the text to
 * send) followed by the figures they rest on.
 */
export function answerDocument(answer: Answer): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: ANSWER_TITLE },
    {
      kind: 'paragraph',
      text: answerMeta(answer)
        .map((item) => `${item.label}: ${item.value}`)
        .join(' · '),
      note: true,
    },
  ];
  SECTION_ORDER.forEach((id, index) => {
    blocks.push({ kind: 'heading', level: 2, text: `${index + 1}. ${sectionTitle(answer, id)}` });
    for (const text of draftParagraphs(answer, id)) blocks.push({ kind: 'paragraph', text });
    blocks.push(...FIGURES[id](answer));
  });
  blocks.push({
    kind: 'paragraph',
    text: `Alle cijfers komen uit de werkruimte (scenario ${answer.scenario.name}, peildatum ${dateText(answer.date)}) en zijn in Pijlerplan tot hun rijen en bronimport te herleiden.`,
    note: true,
  });
  return blocks;
}
