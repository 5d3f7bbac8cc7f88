import { foldAccents } from '../readers/column-names';

/**
 * Header words people actually write above a column, in Dutch and English, per entity field
 * key. Matching folds accents, case, spaces and punctuation, so "NIS-code", "Nis code" and
 * "niscode" are one header. A field shared by several entities (name, fte, nis_code) has one
 * list; an entity may add its own (see `ENTITY_SYNONYMS`).
 */
export const FIELD_SYNONYMS: Record<string, readonly string[]> = {
  nis_code: [
    'nis_code',
    'NIS-code',
    'nis',
    'niscode',
    'nis code gemeente',
    'gemeentecode',
    'code gemeente',
    'refnis',
    'municipality code',
    'ins code',
    'ins',
  ],
  municipality: ['gemeente', 'gemeenten', 'municipality', 'lokaal bestuur', 'stad'],
  name: ['naam', 'name', 'omschrijving', 'benaming', 'description'],
  code: ['code', 'id', 'nummer', 'nr', 'identifier', 'sleutel', 'key'],
  arrondissement: ['arrondissement', 'arr', 'district'],
  province: ['provincie', 'province', 'prov'],
  reference_region_code: [
    'referentieregio',
    'referentieregio code',
    'reference region',
    'refregio',
    'regio code',
  ],
  network_code: ['netwerk', 'network', 'netwerk code', 'vierde pijler netwerk'],
  agii_region_code: ['agii regio', 'regioteam', 'agii region', 'regio agii'],
  inhabitants_2020: [
    'inwoners',
    'inwoners 2020',
    'inhabitants',
    'bevolking',
    'population',
    'inwonersaantal',
    'inhabitants_2020_01_01',
  ],
  lead_nis_code: [
    'trekker',
    'trekkende gemeente',
    'hoofdgemeente',
    'lead municipality',
    'lead',
    'penhouder',
    'nis trekker',
  ],
  coordinator: ['coordinator', 'coördinator', 'coordinatie', 'projectcoordinator', 'contact'],
  budget_eur: ['budget', 'subsidie', 'budget eur', 'bedrag', 'toegekend bedrag', 'grant'],
  cofinancing_eur: ['cofinanciering', 'co-financiering', 'cofinancing', 'eigen inbreng'],
  start_date: ['start', 'startdatum', 'begindatum', 'start date', 'van', 'from'],
  end_date: ['einde', 'einddatum', 'end date', 'tot', 'to', 'eind'],
  target_participants: [
    'doel deelnemers',
    'beoogde deelnemers',
    'target participants',
    'streefcijfer deelnemers',
  ],
  reached_participants: [
    'bereikte deelnemers',
    'deelnemers bereikt',
    'reached participants',
    'deelnemers',
  ],
  target_buddy_pairs: ['doel buddyparen', 'beoogde buddyparen', 'target buddy pairs'],
  reached_buddy_pairs: ['buddyparen', 'bereikte buddyparen', 'reached buddy pairs', 'duo s'],
  activity_hours: ['uren', 'activiteitsuren', 'activity hours', 'hours', 'aantal uren'],
  interim_evaluation: ['tussentijdse evaluatie', 'interim evaluation', 'tussentijds'],
  final_evaluation: ['eindevaluatie', 'final evaluation', 'eindrapport'],
  is_fictional: ['fictief', 'fictional', 'illustratief'],
  source_note: ['bron', 'source', 'bronvermelding', 'opmerking bron'],
  municipalities: [
    'gemeenten',
    'partnergemeenten',
    'deelnemende gemeenten',
    'municipalities',
    'partners',
  ],
  approaches: ['aanpak', 'aanpakken', 'approach', 'approaches', 'methodiek', 'werkvorm'],
  kind: ['soort', 'type', 'kind', 'niveau', 'level'],
  parent: [
    'bovenliggende eenheid',
    'hoofdeenheid',
    'parent',
    'parent unit',
    'valt onder',
    'onderdeel van',
    'bovenliggend',
  ],
  region_code: ['regio', 'region', 'regiocode', 'region code'],
  valid_from: ['geldig vanaf', 'vanaf', 'valid from', 'ingangsdatum', 'effective from'],
  valid_to: ['geldig tot', 'valid to', 'einddatum geldigheid', 'effective to'],
  sort_order: ['volgorde', 'sort order', 'order', 'rang'],
  title: ['functie', 'functietitel', 'title', 'job title', 'position', 'functienaam', 'rol'],
  person_name: [
    'naam',
    'name',
    'medewerker',
    'persoon',
    'person',
    'employee',
    'naam medewerker',
    'personeelslid',
    'titularis',
  ],
  person_code: ['personeelsnummer', 'personeelsnr', 'employee id', 'person id', 'stamnummer'],
  reports_to: [
    'rapporteert aan',
    'reports to',
    'reports_to',
    'leidinggevende',
    'manager',
    'chef',
    'parent',
    'manager id',
    'rapporteert aan id',
    'hierarchisch overste',
  ],
  unit: ['eenheid', 'afdeling', 'team', 'dienst', 'unit', 'department', 'org unit', 'entiteit'],
  fte: ['VTE', 'FTE', 'vte budget', 'fte budget', 'voltijdsequivalent', 'tewerkstelling', 'ftes'],
  role: ['rol', 'role', 'functiefamilie', 'functieprofiel'],
  pillar4_share: [
    'aandeel vierde pijler',
    'vierde pijler',
    'pillar 4 share',
    'pillar4',
    'aandeel p4',
    'p4',
    'pijler 4',
  ],
  grade: ['graad', 'grade', 'niveau', 'salarisschaal', 'weddeschaal'],
  annual_cost: ['jaarkost', 'kost', 'annual cost', 'loonkost', 'cost'],
  person_fte: ['contract vte', 'contract fte', 'arbeidsregime', 'contract'],
  assignment_fte: [
    'vte op deze functie',
    'vte op functie',
    'bezetting vte',
    'vte titularis',
    'fte in position',
    'assigned fte',
  ],
  assignment_from: ['in functie sinds', 'in functie vanaf', 'in position since', 'assigned from'],
  person_email: ['e-mail', 'email', 'e-mailadres', 'mail', 'e-mail medewerker'],
  person_valid_from: [
    'in dienst sinds',
    'in dienst vanaf',
    'datum in dienst',
    'employed since',
    'hire date',
  ],
  scenario: ['scenario', 'scenario naam', 'plan'],
  position: ['functie', 'functiecode', 'positie', 'position', 'position code', 'functie id'],
  person: ['persoon', 'medewerker', 'person', 'employee', 'naam'],
  activity: ['activiteit', 'activity', 'taak', 'task'],
  month: ['maand', 'month', 'periode', 'period', 'datum'],
  year: ['jaar', 'year', 'jaartal'],
  newcomers: [
    'nieuwkomers',
    'newcomers',
    'aantal nieuwkomers',
    'inburgeraars',
    'verwachte nieuwkomers',
    'prognose',
    'forecast',
    'aantal',
  ],
  source: ['bron', 'source'],
};

/** Per entity, field key → extra synonyms that only make sense there. */
export const ENTITY_SYNONYMS: Record<string, Record<string, readonly string[]>> = {
  municipality: { name: ['gemeente', 'gemeentenaam', 'name_nl', 'naam gemeente', 'municipality'] },
  pilot: { name: ['proeftuin', 'project', 'projectnaam', 'pilot'], code: ['projectcode'] },
  org_unit: { name: ['eenheid', 'afdeling', 'team', 'unit'], code: ['eenheidscode', 'unit code'] },
  position: { code: ['functie id', 'position id', 'positie id'] },
  allocation: { fte: ['VTE', 'FTE', 'inzet'] },
  newcomer_forecast: { nis_code: ['gemeente'] },
};

/** "NIS-code" → "niscode": accents, case, spaces and punctuation folded away. */
export function normaliseHeader(header: string): string {
  return foldAccents(header)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Synonyms of one field of one entity, entity-specific ones first (they weigh more). */
export function synonymsFor(entity: string, field: string): string[] {
  return [...(ENTITY_SYNONYMS[entity]?.[field] ?? []), ...(FIELD_SYNONYMS[field] ?? [])];
}
