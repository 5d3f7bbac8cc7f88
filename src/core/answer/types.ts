import type { TraceRequest } from '../dashboard/types';

/**
 * "Vierde pijler in cijfers": the parliamentary question (../shared/seed-question.txt, question
 * 5 and the parts before it) answered from the workspace. One plain, serialisable object (it
 * crosses the worker boundary) that the screen, the workbook, the PDF, the .md/.docx text and
 * the CLI all render — so the numbers in the text are the numbers on the screen.
 */
export type AnswerRequest = {
  /** Default: the first approved scenario, else the first scenario. */
  scenarioId?: number;
  /** Reference day YYYY-MM-DD. Default: today, or the plan's last month when today is past it
   *  (its first month when today is before it). */
  date?: string;
};

export type AnswerUnit = 'fte' | 'count' | 'eur' | 'people';

/** A number shown on the screen and used in the text, with how to trace it to its rows. */
export type Figure = {
  value: number;
  unit: AnswerUnit;
  /** What the dashboard's trace (dashboard.trace) is asked for; null when not traceable. */
  trace: TraceRequest | null;
};

/** One row of a split (by division, role or region): planned and filled FTE in the month. */
export type SplitRow = {
  key: string;
  label: string;
  planned: Figure;
  /** Planned FTE on positions held by someone; a vacancy is planned, not filled. */
  filled: Figure;
};

export type QuarterRow = { quarter: string; label: string; planned: number; filled: number };

export type RegionNeed = {
  code: string;
  name: string;
  required: Figure;
  planned: Figure;
  /** planned − required (negative: too little capacity). */
  gap: Figure;
};

export type HowMany = {
  planned: Figure;
  filled: Figure;
  /** Fourth-pillar positions on the reference day: a fourth-pillar share above 0 (the
   *  organigram's lens, and the dashboard's vacancy KPI). */
  positions: Figure;
  /** Distinct people on those positions. */
  people: Figure;
  vacancies: Figure;
  quarters: QuarterRow[];
  byDivision: SplitRow[];
  byRole: SplitRow[];
  byRegion: SplitRow[];
  regions: RegionNeed[];
  required: Figure;
  gap: Figure;
};

/** A box of the compact organigram: a unit on the chain, or a fourth-pillar position. */
export type AnswerOrgNode = {
  key: string;
  parentKey: string | null;
  kind: 'unit' | 'position';
  id: number;
  label: string;
  /** Unit: its kind's Dutch name; position: the holders' names or "vacature". */
  sublabel: string;
  /** Fourth-pillar FTE planned in the month on this box (a unit: everything below it). */
  fte: number;
  vacant: boolean;
  /** Units: the kind's code (agency, division, region_team, team, service), for the card's
   *  header colour as in the organigram (added by SCREEN; optional). */
  unitKind?: string;
};

/** One step of a reporting chain: the position, who holds it, in which unit. */
export type ChainStep = {
  positionId: number;
  title: string;
  holder: string | null;
  unitName: string;
};

/** A fourth-pillar team (a unit holding fourth-pillar positions) and who steers it. */
export type SteeredTeam = {
  unitId: number;
  unitName: string;
  divisionName: string | null;
  positions: number;
  fte: number;
  /** The solid line from the team's head position up to the top (the director). */
  chain: ChainStep[];
};

export type LinkEndInfo = {
  kind: 'position' | 'unit';
  id: number;
  label: string;
  unitName: string;
  divisionName: string | null;
};

export type CrossLink = { id: number; label: string; from: LinkEndInfo; to: LinkEndInfo };

/** Two divisions that work together, and through how many links. */
export type DivisionPair = { a: string; b: string; links: number; labels: string[] };

export type NetworkReach = { code: string; name: string; covered: number; total: number };

export type PilotReach = {
  pilots: Figure;
  participantsReached: Figure;
  participantsTarget: Figure;
  budgetEur: Figure;
  cofinancingEur: Figure;
  municipalitiesCovered: Figure;
  municipalitiesTotal: number;
  byNetwork: NetworkReach[];
  /** Pilots whose interim evaluation is filled in. */
  interimEvaluations: number;
  /** Local governments' readiness, when such a dataset was imported; null otherwise. */
  readiness: { label: string; value: Figure }[] | null;
};

export type AnswerSectionId = 'howMany' | 'where' | 'steering' | 'crossUnit' | 'pilots';

/** The draft answer: a Dutch paragraph (or a few) per sub-question, filled from the data. */
export type AnswerText = { id: AnswerSectionId; title: string; paragraphs: string[] };

export type Answer = {
  workspaceName: string;
  scenario: { id: number; name: string; approved: boolean };
  /** Reference day and its month. */
  date: string;
  month: string;
  dataDate: string;
  horizon: { from: string; to: string };
  howMany: HowMany;
  where: { nodes: AnswerOrgNode[] };
  steering: SteeredTeam[];
  crossUnit: { links: CrossLink[]; pairs: DivisionPair[] };
  pilots: PilotReach;
  text: AnswerText[];
  timings: { queriesMs: number };
};
