/**
 * The organigram as the core hands it out: plain, serialisable data (it crosses the worker
 * boundary), read for one scenario and one date. Ids are the database ids.
 */
export type UnitKind = 'agency' | 'division' | 'region_team' | 'team' | 'service';

export type OrgUnit = {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  regionCode: string | null;
  regionName: string | null;
  sortOrder: number;
};

/** Who holds a position and for how much of their contract. */
export type Holder = { personId: number; name: string; fte: number };

export type OrgPosition = {
  id: number;
  code: string;
  unitId: number;
  title: string;
  roleId: number | null;
  roleName: string | null;
  budgetFte: number;
  /** Part of the budgeted FTE that goes to the fourth pillar (0–1). */
  pillar4Share: number;
  reportsToId: number | null;
  grade: string | null;
  /** Set for a position that exists only in this scenario (planned, not in the baseline). */
  scenarioId: number | null;
  holders: Holder[];
};

export type OrgPerson = { id: number; code: string; name: string; contractFte: number };

export type LinkEnd = { kind: 'position' | 'unit'; id: number };

/** A cross-unit link (transversale samenwerking), drawn dotted. */
export type OrgLink = { id: number; from: LinkEnd; to: LinkEnd; label: string };

export type OrgSnapshot = {
  /** The day the organigram is read for (YYYY-MM-DD). */
  date: string;
  /** null: the baseline. */
  scenarioId: number | null;
  units: OrgUnit[];
  positions: OrgPosition[];
  people: OrgPerson[];
  links: OrgLink[];
};

/** Per unit, including every unit below it. FTE are budgeted FTE. */
export type UnitRollup = {
  unitId: number;
  positions: number;
  filled: number;
  vacant: number;
  /** Distinct people holding a position in the unit or below. */
  headcount: number;
  totalFte: number;
  /** Σ budget_fte × pillar4_share. */
  pillar4Fte: number;
  /** The part of pillar4Fte on positions that are held by someone. */
  pillar4FilledFte: number;
  /** Positions with a fourth-pillar share above 0. */
  pillar4Positions: number;
};

/** A problem in the organigram, in Dutch, naming the positions involved. */
export type OrgIssue = {
  code: 'cycle' | 'multiple-roots' | 'dangling-reports-to' | 'over-allocated' | 'dangling-unit';
  message: string;
  positionIds: number[];
};
