import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { readAnswer, referenceDate } from '../../../src/core/answer/read';
import type { Answer, Figure } from '../../../src/core/answer/types';
import { traceFigure } from '../../../src/core/dashboard';
import { createCoreRuntime } from '../../../src/core/runtime';
import { diskResources } from '../../../src/node/disk-resources';
import { answerSession } from './answer-fixture';

/**
 * "Vierde pijler in cijfers" on the hand-built workspace of answer-fixture.ts, on 15 March 2023
 * (month 2023-03, data date 2023-06-30). The fourth-pillar allocation that month, by hand:
 *   P1 0,6 (Team A, Ann, NW1) · P2 0,5 (Team B, Ann, NW2) · P3 0,5 (Team C, vacant, NW2)
 *   P4 0,8 (Team A, Bert, NW2 via Veurne) · P5 0,2 (Afdeling Een, Cas, NW1)
 * = 2,6 planned; filled (held positions P1, P2, P4, P5) = 2,1.
 */
let db: Database;
let answer: Answer;
beforeAll(async () => {
  db = (await answerSession()).session.db;
  const result = readAnswer(db, { scenarioId: 1, date: '2023-03-15' });
  if (!result.ok) throw new Error(result.error.message);
  answer = result.value;
});

const r3 = (n: number) => Math.round(n * 1000) / 1000;
const split = (rows: { label: string; planned: Figure; filled: Figure }[]) =>
  rows.map((row) => [row.label, r3(row.planned.value), r3(row.filled.value)]);

describe('Hoeveel VTE?', () => {
  it('planned, filled, positions, people and vacancies on the reference day', () => {
    const h = answer.howMany;
    expect(answer.month).toBe('2023-03');
    expect(r3(h.planned.value)).toBe(2.6);
    expect(r3(h.filled.value)).toBe(2.1);
    // Share > 0: P1…P5 (P6…P10 have none); held by Ann, Bert, Cas; P3 is the vacancy.
    expect(h.positions.value).toBe(5);
    expect(h.people.value).toBe(3);
    expect(h.vacancies.value).toBe(1);
  });

  it('split by division, role and region (the region of the unit, as the lens counts it)', () => {
    const h = answer.howMany;
    // Afdeling Een: P1 0,6 + P2 0,5 + P4 0,8 + P5 0,2, all held; Afdeling Twee: P3 0,5 vacant.
    expect(split(h.byDivision)).toEqual([
      ['Afdeling Een', 2.1, 2.1],
      ['Afdeling Twee', 0.5, 0],
    ]);
    // Consulent: P2 0,5 + P4 0,8; Netwerkcoach: P1 0,6 + P3 0,5 + P5 0,2 (P3 not filled).
    expect(split(h.byRole)).toEqual([
      ['Consulent', 1.3, 1.3],
      ['Netwerkcoach', 1.3, 0.8],
    ]);
    // Team C works for NW2 (Netwerk Twee); everything else is central.
    expect(split(h.byRegion)).toEqual([
      ['Netwerk Twee', 0.5, 0],
      ['Centraal (geen regio)', 2.1, 2.1],
    ]);
  });

  it('required vs planned per network, with the gap', () => {
    // participants = intake × (0,5 × 0,5 + 0,75 × 0,2) = intake × 0,4; active = 3 months.
    // NW1: 1.200/12 = 100 → 40 a month → 120 active → 120 × 6 ÷ 3 = 240 h ÷ 120 h = 2,0 VTE.
    // NW2: 240/12 = 20 → 8 → 24 active → 48 h → 0,4 VTE.
    // Planned: NW1 P1 0,6 + P5 0,2 = 0,8; NW2 P2 0,5 + P3 0,5 + P4 0,8 = 1,8.
    const h = answer.howMany;
    expect(
      h.regions.map((r) => [r.name, r3(r.required.value), r3(r.planned.value), r3(r.gap.value)]),
    ).toEqual([
      ['Netwerk Een', 2, 0.8, -1.2],
      ['Netwerk Twee', 0.4, 1.8, 1.4],
    ]);
    expect(r3(h.required.value)).toBe(2.4);
    expect(r3(h.gap.value)).toBe(0.2);
  });

  it('per quarter: the average over the quarter’s months', () => {
    // K1: Jan 2,4 (P2 0,3), Feb 2,4, Mar 2,6 → 2,4667; filled 1,9 + 1,9 + 2,1 → 1,9667.
    // K2: P5 stops, P2 back to 0,3: 0,6 + 0,3 + 0,5 + 0,8 = 2,2; filled 1,7.
    expect(answer.howMany.quarters.map((q) => [q.label, r3(q.planned), r3(q.filled)])).toEqual([
      ['K1 2023', 2.467, 1.967],
      ['K2 2023', 2.2, 1.7],
    ]);
  });
});

describe('Waar in het organigram?', () => {
  it('the fourth-pillar positions with their chains up to the top, and nothing else', () => {
    // Not kept: P9 and Team D (no fourth pillar, no one on the lens reports to them), P10 (under
    // P1, not above it). Kept managers: P5 (P1's manager, in another unit), P7, P8, P6.
    expect(
      answer.where.nodes.map((n) => [n.key, n.parentKey, r3(n.fte), n.sublabel, n.vacant]),
    ).toEqual([
      ['u1', null, 2.6, 'agentschap', false],
      ['p6', 'u1', 0, 'Dirk', false],
      ['u2', 'u1', 2.1, 'afdeling', false],
      ['p7', 'u2', 0, 'Eva', false],
      ['p5', 'p7', 0.2, 'Cas', false],
      ['u4', 'u2', 1.4, 'team', false],
      ['p1', 'u4', 0.6, 'Ann', false],
      ['p4', 'p1', 0.8, 'Bert', false],
      ['u5', 'u2', 0.5, 'team', false],
      ['p2', 'u5', 0.5, 'Ann', false],
      ['u3', 'u1', 0.5, 'afdeling', false],
      ['p8', 'u3', 0, 'vacature', true],
      ['u6', 'u3', 0.5, 'team', false],
      ['p3', 'u6', 0.5, 'vacature', true],
    ]);
  });
});

describe('Hoe aangestuurd?', () => {
  it('each fourth-pillar team, its head and the solid line up to the director', () => {
    expect(
      answer.steering.map((team) => [
        team.unitName,
        team.divisionName,
        team.positions,
        r3(team.fte),
        team.chain.map((step) => `${step.title}/${step.holder ?? '-'}`),
      ]),
    ).toEqual([
      // Units in their sort order: Afdeling Een (1), Team A (1), Team C (1), Team B (2).
      [
        'Afdeling Een',
        'Afdeling Een',
        1,
        0.2,
        ['Afdelingshoofd Een/Eva', 'Administrateur-generaal/Dirk'],
      ],
      [
        'Team A',
        'Afdeling Een',
        2,
        1.4,
        [
          'Netwerkcoach A/Ann',
          'Netwerkcoach afdeling/Cas',
          'Afdelingshoofd Een/Eva',
          'Administrateur-generaal/Dirk',
        ],
      ],
      [
        'Team C',
        'Afdeling Twee',
        1,
        0.5,
        ['Netwerkcoach C/-', 'Afdelingshoofd Twee/-', 'Administrateur-generaal/Dirk'],
      ],
      [
        'Team B',
        'Afdeling Een',
        1,
        0.5,
        ['Consulent B/Ann', 'Afdelingshoofd Een/Eva', 'Administrateur-generaal/Dirk'],
      ],
    ]);
  });
});

describe('Transversale werking?', () => {
  it('the dotted lines that touch the fourth pillar, and the divisions they join', () => {
    // Link 3 (P7 → P9) has no fourth pillar at either end; link 4 stays inside Afdeling Een.
    expect(
      answer.crossUnit.links.map((l) => [
        l.id,
        l.label,
        l.from.label,
        l.to.label,
        l.to.divisionName,
      ]),
    ).toEqual([
      [
        1,
        'werkgroep vierde pijler',
        'Netwerkcoach A (Ann)',
        'Netwerkcoach C (vacature)',
        'Afdeling Twee',
      ],
      [2, 'afstemming', 'Team B', 'Team D', 'Afdeling Twee'],
      [4, 'intervisie', 'Consulent A (Bert)', 'Consulent B (Ann)', 'Afdeling Een'],
    ]);
    expect(answer.crossUnit.pairs).toEqual([
      {
        a: 'Afdeling Een',
        b: 'Afdeling Twee',
        links: 2,
        labels: ['werkgroep vierde pijler', 'afstemming'],
      },
    ]);
  });
});

describe('Proeftuinen en lokale besturen', () => {
  it('reach, budget and coverage of the pilots running in the horizon', () => {
    const p = answer.pilots;
    // PL1 (…2023-02-28) and PL2 both run in 2023-01…06.
    expect(p.pilots.value).toBe(2);
    expect(p.participantsReached.value).toBe(65);
    expect(p.participantsTarget.value).toBe(70);
    expect(p.budgetEur.value).toBe(70_000);
    expect(p.cofinancingEur.value).toBe(30_000);
    // Aartselaar + Antwerpen (NW1) and Veurne (NW2): every municipality takes part.
    expect(p.municipalitiesCovered.value).toBe(3);
    expect(p.municipalitiesTotal).toBe(3);
    expect(p.byNetwork.map((n) => [n.name, n.covered, n.total])).toEqual([
      ['Netwerk Een', 2, 2],
      ['Netwerk Twee', 1, 1],
    ]);
    expect(p.interimEvaluations).toBe(1);
    expect(p.readiness).toBeNull();
  });
});

describe('the draft text', () => {
  const paragraphs = (id: string) => answer.text.find((s) => s.id === id)!.paragraphs;

  it('says the hand-worked figures in the register of a parliamentary answer', () => {
    expect(paragraphs('howMany')[0]).toBe(
      'Op 15 maart 2023 zijn binnen AgII 2,6 VTE ingezet voor de vierde pijler (scenario “Basis”, ontwerp), verdeeld over de afdelingen Afdeling Een (2,1 VTE) en Afdeling Twee (0,5 VTE). Het gaat om 5 functies met een opdracht in de vierde pijler, ingevuld door 3 personeelsleden. Van die inzet is 2,1 VTE ingevuld door medewerkers in dienst; 1 functie is op die datum vacant.',
    );
    expect(paragraphs('howMany')[1]).toBe(
      'Naar functie gaat het om Consulent (1,3 VTE) en Netwerkcoach (1,3 VTE). Naar regio: Netwerk Twee 0,5 VTE; 2,1 VTE wordt centraal ingezet, zonder regio.',
    );
    expect(paragraphs('howMany')[2]).toBe(
      'Volgens het vraagmodel van de planning, op basis van de verwachte instroom van nieuwkomers, zijn in maart 2023 2,4 VTE nodig in de netwerken van de vierde pijler. De inzet die aan die netwerken is toegewezen, ligt 0,2 VTE hoger (inzet zonder netwerk, zoals de centrale staf, telt daarbij niet mee). Toch blijft er een tekort in Netwerk Een (1,2 VTE). Over de planningsperiode evolueert de geplande inzet van 2,5 VTE in K1 2023 naar 2,2 VTE in K2 2023.',
    );
  });

  // Intl writes a no-break space between € and the amount (it keeps them on one line in Word).
  it('names the teams, the chains and the links', () => {
    expect(paragraphs('where')).toEqual([
      'De 5 functies van de vierde pijler zitten in 4 eenheden binnen de afdelingen Afdeling Een en Afdeling Twee.',
      'Per eenheid: Afdeling Een (1 functie, 0,2 VTE), Team A (2 functies, 1,4 VTE), Team C (1 functie, 0,5 VTE) en Team B (1 functie, 0,5 VTE).',
    ]);
    // The line all four teams share (up to Dirk) is said once; each team then its own part.
    expect(paragraphs('steering')).toEqual([
      'De medewerkers van de vierde pijler worden via de gewone hiërarchische lijn aangestuurd; voor alle 4 eenheden met medewerkers van de vierde pijler loopt die lijn naar Dirk (Administrateur-generaal).',
      [
        'Afdeling Een wordt geleid door Eva (Afdelingshoofd Een), rechtstreeks onder Dirk.',
        'Team A (Afdeling Een) wordt geleid door Ann (Netwerkcoach A), die via Cas (Netwerkcoach afdeling) rapporteert aan Eva (Afdelingshoofd Een).',
        'In Team C (Afdeling Twee) is de leidinggevende functie Netwerkcoach C vacant; ze valt onder Afdelingshoofd Twee (vacature).',
        'Team B (Afdeling Een) wordt geleid door Ann (Consulent B), die rapporteert aan Eva (Afdelingshoofd Een).',
      ].join(' '),
    ]);
    expect(paragraphs('crossUnit')).toEqual([
      'De samenwerking over de eenheden heen is in het organigram vastgelegd met 3 functionele verbanden (stippellijnen): “afstemming” (1), “intervisie” (1) en “werkgroep vierde pijler” (1).',
      'Tussen afdelingen gaat het om de samenwerking tussen Afdeling Een en Afdeling Twee (2 verbanden: “werkgroep vierde pijler” en “afstemming”).',
    ]);
    expect(paragraphs('pilots')).toEqual([
      'In de planningsperiode liepen 2 proeftuinen van de vierde pijler. Zij bereikten 65 deelnemers, tegenover een doelstelling van 70. De subsidie bedraagt in totaal €\u00a070.000, aangevuld met €\u00a030.000 cofinanciering. Voor 1 proeftuin ligt een tussentijdse evaluatie voor.',
      'De proeftuinen betrekken 3 van de 3 gemeenten in de netwerken van de vierde pijler, onder meer 2 van de 2 in Netwerk Een en 1 van de 1 in Netwerk Twee.',
      'Over de gereedheid van de lokale besturen voor hun regierol bevat de werkruimte geen gegevens.',
    ]);
  });
});

/** Every Figure in the answer, with where it sits. */
function figures(value: unknown, path = ''): { path: string; figure: Figure }[] {
  if (value === null || typeof value !== 'object') return [];
  if ('unit' in value && 'trace' in value && 'value' in value)
    return [{ path, figure: value as Figure }];
  return Object.entries(value).flatMap(([key, child]) => figures(child, `${path}.${key}`));
}

describe('every figure traces to rows that make it', () => {
  it('the dashboard trace of each figure adds up to the figure', () => {
    const all = figures(answer);
    expect(all.length).toBeGreaterThan(30);
    const traced = all.filter(
      ({ figure, path }) =>
        figure.trace !== null &&
        // A gap's trace lists the planned rows it is taken from (as on the dashboard).
        !path.endsWith('.gap'),
    );
    for (const { path, figure } of traced) {
      const trace = traceFigure(db, figure.trace!);
      expect([path, r3(trace.figure)]).toEqual([path, r3(figure.value)]);
    }
    // The untraced ones are said: people (a count of holders), central FTE (no unit to filter on).
    expect(all.filter(({ figure }) => figure.trace === null).map(({ path }) => path)).toEqual([
      '.howMany.people',
      '.howMany.byRegion.1.planned',
      '.howMany.byRegion.1.filled',
    ]);
  });
});

describe('defaults and bad input', () => {
  it('the reference day: today, else the plan’s last or first month', () => {
    const horizon = { from: '2023-01', to: '2023-06' };
    expect(referenceDate(horizon, undefined, '2023-04-10')).toEqual({
      ok: true,
      value: '2023-04-10',
    });
    expect(referenceDate(horizon, undefined, '2026-12-02')).toEqual({
      ok: true,
      value: '2023-06-01',
    });
    expect(referenceDate(horizon, undefined, '2022-05-05')).toEqual({
      ok: true,
      value: '2023-01-01',
    });
  });

  it('the default scenario is the first approved one, else the first', () => {
    const first = readAnswer(db, { date: '2023-03-15' });
    expect(first.ok && first.value.scenario.name).toBe('Basis');
    db.run("UPDATE scenario SET status = 'approved' WHERE id = 2");
    try {
      const approved = readAnswer(db, { date: '2023-03-15' });
      // Scenario "Meer": P1 at 1,0 and nothing else.
      expect(
        approved.ok && [approved.value.scenario.name, r3(approved.value.howMany.planned.value)],
      ).toEqual(['Meer', 1]);
    } finally {
      db.run("UPDATE scenario SET status = 'draft' WHERE id = 2");
    }
  });

  it('a day outside the plan says so before the organigram figures', () => {
    const later = readAnswer(db, { scenarioId: 1, date: '2024-01-01' });
    if (!later.ok) throw new Error(later.error.message);
    expect(later.value.howMany.planned.value).toBe(0);
    expect(later.value.howMany.positions.value).toBe(5);
    expect(later.value.text[0]!.paragraphs[0]).toBe(
      'De planning loopt van januari 2023 tot en met juni 2023; voor januari 2024 bevat ze geen inzet. De cijfers hieronder over functies en personeel gelden voor het organigram op 1 januari 2024.',
    );
  });

  it('a new, empty workspace gets a Dutch error that says what to import', async () => {
    const core = createCoreRuntime({ resources: diskResources });
    await core.call('workspace.new', { name: 'Leeg' });
    const result = await core.call('answer.read', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'answer-no-scenario' } });
    if (!result.ok) expect(result.error.message).toContain('importeer een inzetplan');
  });

  it('refuses a date that is not one, and a scenario that does not exist, in Dutch', () => {
    for (const date of ['2023-02-30', '15/03/2023', '2023-3-1']) {
      const result = readAnswer(db, { scenarioId: 1, date });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain('JJJJ-MM-DD');
    }
    const missing = readAnswer(db, { scenarioId: 99 });
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.error.message).toBe('Scenario 99 bestaat niet (meer) in deze werkruimte.');
  });
});
