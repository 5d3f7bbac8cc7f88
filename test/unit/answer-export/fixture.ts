import type { Answer, Figure, SplitRow } from '../../../src/core/answer/types';
import type { TraceRequest } from '../../../src/core/dashboard/types';

/**
 * A hand-written Answer for the exporters' tests: small, with figures chosen so every total can
 * be worked out by hand (below, in the comments), names with Dutch accents and a pipe, a quote
 * and an ampersand that each format must escape.
 */
const filter = { scenarioId: 2, from: '2023-01', to: '2023-01' };
const trace = (chart: TraceRequest['chart'], rowKey?: string): TraceRequest => ({
  filter,
  chart,
  rowKey,
});
const fte = (value: number, t: TraceRequest | null = null): Figure => ({
  value,
  unit: 'fte',
  trace: t,
});
const count = (value: number, t: TraceRequest | null = null): Figure => ({
  value,
  unit: 'count',
  trace: t,
});
const eur = (value: number): Figure => ({ value, unit: 'eur', trace: trace('pilotBudget') });
const split = (key: string, label: string, planned: number, filled: number): SplitRow => ({
  key,
  label,
  planned: fte(planned, trace('fteByDivision', key)),
  filled: fte(filled, trace('fteByDivision', key)),
});

/** Planned: 14,5 + 8,6 + 3 = 26,1 VTE; filled 12,5 + 7,6 + 3 = 23,1 (3 VTE vacant). */
export const EXPECTED = {
  planned: 26.1,
  filled: 23.1,
  positions: 19,
  people: 17,
  vacancies: 3,
  required: 25,
  /** Over the regions: 22,1 planned − 25 required. */
  gap: -2.9,
  divisionPlanned: [14.5, 8.6, 3],
  divisionFilled: [12.5, 7.6, 3],
  /** Region gaps: 10,5 − 9 = 1,5; 7 − 8 = −1; 4,6 − 8 = −3,4. */
  regionGaps: [1.5, -1, -3.4],
  participants: { reached: 180, target: 240 },
  budget: 150_000,
  cofinancing: 45_000,
  covered: 5,
  municipalities: 12,
};

export function answerFixture(): Answer {
  return {
    workspaceName: 'AgII — werkruimte "test" & co',
    scenario: { id: 2, name: 'Basis 2023', approved: true },
    date: '2023-01-01',
    month: '2023-01',
    dataDate: '2022-12-31',
    horizon: { from: '2023-01', to: '2026-12' },
    howMany: {
      planned: fte(26.1, trace('plannedFte')),
      filled: fte(23.1, trace('plannedFte')),
      positions: count(19, trace('positions')),
      people: { value: 17, unit: 'people', trace: trace('positions') },
      vacancies: count(3, trace('vacancies')),
      quarters: [
        { quarter: '2023-K1', label: '2023 K1', planned: 26.1, filled: 23.1 },
        { quarter: '2023-K2', label: '2023 K2', planned: 27.5, filled: 24 },
        { quarter: '2023-K3', label: '2023 K3', planned: 28, filled: 25.25 },
        { quarter: '2023-K4', label: '2023 K4', planned: 30, filled: 26 },
      ],
      byDivision: [
        split('10', 'Afdeling Inburgering', 14.5, 12.5),
        split('20', 'Afdeling Integratie & Participatie', 8.6, 7.6),
        split('30', 'Centrale diensten', 3, 3),
      ],
      byRole: [
        split('trajectbegeleider', 'Trajectbegeleider', 16, 14),
        split('netwerkcoordinator', 'Netwerkcoördinator', 6.1, 5.1),
        split('teamcoach', 'Teamcoach | leidinggevende', 4, 4),
      ],
      byRegion: [
        split('ANT', 'Antwerpen', 10.5, 9.5),
        split('GNT', 'Gent', 7, 6),
        split('LEU', 'Leuven', 4.6, 4.6),
      ],
      regions: [
        {
          code: 'ANT',
          name: 'Antwerpen',
          required: fte(9),
          planned: fte(10.5),
          gap: fte(1.5),
        },
        { code: 'GNT', name: 'Gent', required: fte(8), planned: fte(7), gap: fte(-1) },
        { code: 'LEU', name: 'Leuven', required: fte(8), planned: fte(4.6), gap: fte(-3.4) },
      ],
      required: fte(25, trace('requiredFte')),
      gap: fte(-2.9, trace('gapFte')),
    },
    where: {
      nodes: [
        {
          key: 'u1',
          parentKey: null,
          kind: 'unit',
          id: 1,
          label: 'AgII',
          sublabel: 'Agentschap',
          fte: 26.1,
          vacant: false,
        },
        {
          key: 'u10',
          parentKey: 'u1',
          kind: 'unit',
          id: 10,
          label: 'Afdeling Inburgering',
          sublabel: 'Afdeling',
          fte: 14.5,
          vacant: false,
        },
        {
          key: 'p101',
          parentKey: 'u10',
          kind: 'position',
          id: 101,
          label: 'Trajectbegeleider vierde pijler',
          sublabel: 'Ann Peeters, Élodie Dubois',
          fte: 1.8,
          vacant: false,
        },
        {
          key: 'p102',
          parentKey: 'u10',
          kind: 'position',
          id: 102,
          label: 'Netwerkcoördinator',
          sublabel: 'vacature',
          fte: 1,
          vacant: true,
        },
        {
          key: 'u20',
          parentKey: 'u1',
          kind: 'unit',
          id: 20,
          label: 'Afdeling Integratie & Participatie',
          sublabel: 'Afdeling',
          fte: 8.6,
          vacant: false,
        },
        {
          key: 'p201',
          parentKey: 'u20',
          kind: 'position',
          id: 201,
          label: 'Teamcoach',
          sublabel: 'Jan Janssens',
          fte: 0.5,
          vacant: false,
        },
      ],
    },
    steering: [
      {
        unitId: 11,
        unitName: 'Team Antwerpen',
        divisionName: 'Afdeling Inburgering',
        positions: 7,
        fte: 10.5,
        chain: [
          { positionId: 110, title: 'Teamcoach', holder: 'Sofie Maes', unitName: 'Team Antwerpen' },
          {
            positionId: 100,
            title: 'Afdelingshoofd',
            holder: null,
            unitName: 'Afdeling Inburgering',
          },
          {
            positionId: 1,
            title: 'Administrateur-generaal',
            holder: 'Dirk De Smet',
            unitName: 'AgII',
          },
        ],
      },
      {
        unitId: 21,
        unitName: 'Team Gent',
        divisionName: 'Afdeling Integratie & Participatie',
        positions: 5,
        fte: 7,
        chain: [
          {
            positionId: 1,
            title: 'Administrateur-generaal',
            holder: 'Dirk De Smet',
            unitName: 'AgII',
          },
        ],
      },
    ],
    crossUnit: {
      links: [
        {
          id: 1,
          label: 'Werkgroep vierde pijler',
          from: {
            kind: 'position',
            id: 102,
            label: 'Netwerkcoördinator',
            unitName: 'Team Antwerpen',
            divisionName: 'Afdeling Inburgering',
          },
          to: {
            kind: 'unit',
            id: 21,
            label: 'Team Gent',
            unitName: 'Team Gent',
            divisionName: 'Afdeling Integratie & Participatie',
          },
        },
        {
          id: 2,
          label: 'Overleg lokale besturen',
          from: {
            kind: 'position',
            id: 201,
            label: 'Teamcoach',
            unitName: 'Team Gent',
            divisionName: 'Afdeling Integratie & Participatie',
          },
          to: {
            kind: 'unit',
            id: 30,
            label: 'Centrale diensten',
            unitName: 'Centrale diensten',
            divisionName: 'Centrale diensten',
          },
        },
      ],
      pairs: [
        {
          a: 'Afdeling Inburgering',
          b: 'Afdeling Integratie & Participatie',
          links: 1,
          labels: ['Werkgroep vierde pijler'],
        },
        {
          a: 'Afdeling Integratie & Participatie',
          b: 'Centrale diensten',
          links: 1,
          labels: ['Overleg lokale besturen'],
        },
      ],
    },
    pilots: {
      pilots: count(4, trace('pilots')),
      participantsReached: { value: 180, unit: 'people', trace: trace('pilotParticipants') },
      participantsTarget: { value: 240, unit: 'people', trace: trace('pilotParticipants') },
      budgetEur: eur(150_000),
      cofinancingEur: eur(45_000),
      municipalitiesCovered: count(5, trace('networkCoverage')),
      municipalitiesTotal: 12,
      byNetwork: [
        { code: 'ANT', name: 'Antwerpen', covered: 3, total: 5 },
        { code: 'GNT', name: 'Gent', covered: 2, total: 4 },
        { code: 'LEU', name: 'Leuven', covered: 0, total: 3 },
      ],
      interimEvaluations: 2,
      readiness: [
        { label: 'Regierol opgenomen', value: count(7) },
        { label: 'Nog in voorbereiding', value: count(5) },
      ],
    },
    text: [
      {
        id: 'howMany',
        title: 'Hoeveel VTE?',
        paragraphs: [
          'Op 1 januari 2023 zijn binnen AgII 26,1 VTE ingezet voor de vierde pijler, waarvan 23,1 VTE ingevuld.',
          'Er staan 3 vacatures open.',
        ],
      },
      {
        id: 'where',
        title: 'Waar in het organigram?',
        paragraphs: ['De medewerkers zitten in twee afdelingen.'],
      },
      {
        id: 'steering',
        title: 'Hoe aangestuurd?',
        paragraphs: ['Elk team rapporteert aan de administrateur-generaal.'],
      },
      {
        id: 'crossUnit',
        title: 'Transversale werking?',
        paragraphs: ['Twee afdelingen werken samen in de "werkgroep vierde pijler".'],
      },
      {
        id: 'pilots',
        title: 'Proeftuinen en lokale besturen',
        paragraphs: ['De 4 proeftuinen bereikten 180 van de 240 beoogde deelnemers.'],
      },
    ],
    timings: { queriesMs: 12 },
  };
}
