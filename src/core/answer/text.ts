import { formatAmount } from '../../i18n/formatters';
import type { Answer, AnswerText, SplitRow } from './types';

/**
 * The draft answer: Dutch paragraphs in the register of a written parliamentary answer, filled
 * from the Answer's own figures with template sentences (no AI service, nothing leaves the
 * machine). Every number here is a figure of the Answer formatted nl-BE, so the text says what
 * the screen shows.
 */
const LOCALE = 'nl-BE';

/** Figures as the screen and every export write them (formatAmount): "26,1 VTE", "€ 40.000". */
export const vte = (value: number) => formatAmount(value, 'fte', LOCALE);
const int = (value: number) => formatAmount(value, 'count', LOCALE);
const euro = (value: number) => formatAmount(value, 'eur', LOCALE);
/** Whether an FTE figure reads as zero once written to one decimal. */
const round1 = (value: number) => Math.round(value * 10) / 10 + 0;

const dateWords = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
/** "2023-01-01" → "1 januari 2023". */
export const longDate = (iso: string) => dateWords.format(new Date(`${iso}T00:00:00Z`));

const monthWords = new Intl.DateTimeFormat(LOCALE, {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
/** "2023-01" → "januari 2023". */
export const longMonth = (month: string) => monthWords.format(new Date(`${month}-01T00:00:00Z`));

/** "a", "a en b", "a, b en c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} en ${items.at(-1)!}`;
}

/** "1 functie" / "3 functies". */
const plural = (n: number, one: string, many: string) => `${int(n)} ${n === 1 ? one : many}`;

const split = (rows: SplitRow[]) =>
  rows
    .filter((row) => round1(row.planned.value) !== 0)
    .map((row) => `${row.label} (${vte(row.planned.value)})`);

/** The sub-questions as the draft text heads them (the exports' short section names are in export/document.ts). */
export const QUESTION_TITLES: Record<AnswerText['id'], string> = {
  howMany: 'Hoeveel VTE zet AgII in voor de vierde pijler?',
  where: 'Waar bevinden die medewerkers zich in het organigram?',
  steering: 'Hoe worden zij aangestuurd?',
  crossUnit: 'Hoe wordt de transversale werking gegarandeerd?',
  pilots: 'Wat leren de proeftuinen en hoe worden de lokale besturen voorbereid?',
};

export function answerText(answer: Answer): AnswerText[] {
  return [
    { id: 'howMany', title: QUESTION_TITLES.howMany, paragraphs: howManyText(answer) },
    { id: 'where', title: QUESTION_TITLES.where, paragraphs: whereText(answer) },
    { id: 'steering', title: QUESTION_TITLES.steering, paragraphs: steeringText(answer) },
    { id: 'crossUnit', title: QUESTION_TITLES.crossUnit, paragraphs: crossUnitText(answer) },
    { id: 'pilots', title: QUESTION_TITLES.pilots, paragraphs: pilotsText(answer) },
  ];
}

/** The gap is over the networks: FTE booked without one is in the total, not in the gap. */
const CENTRAL_NOTE = ' (inzet zonder netwerk, zoals de centrale staf, telt daarbij niet mee)';

function howManyText(answer: Answer): string[] {
  const h = answer.howMany;
  const day = longDate(answer.date);
  // A day after the data's date reads as the plan ("gepland"), up to it as what is deployed.
  const verb = answer.date > answer.dataDate ? 'gepland' : 'ingezet';
  const scenario = `scenario “${answer.scenario.name}”${answer.scenario.approved ? ', goedgekeurd' : ', ontwerp'}`;
  if (h.planned.value === 0 && h.positions.value === 0) {
    return [
      `Op ${day} zijn binnen AgII geen VTE ${verb} voor de vierde pijler (${scenario}): de werkruimte bevat voor die maand geen inzet op activiteiten van de vierde pijler en geen functies met een aandeel vierde pijler.`,
    ];
  }
  const paragraphs: string[] = [];
  if (answer.month < answer.horizon.from || answer.month > answer.horizon.to)
    paragraphs.push(
      `De planning loopt van ${longMonth(answer.horizon.from)} tot en met ${longMonth(answer.horizon.to)}; voor ${longMonth(answer.month)} bevat ze geen inzet. De cijfers hieronder over functies en personeel gelden voor het organigram op ${day}.`,
    );
  const divisions = split(h.byDivision);
  paragraphs.push(
    `Op ${day} zijn binnen AgII ${vte(h.planned.value)} ${verb} voor de vierde pijler (${scenario})` +
      (divisions.length === 1
        ? `, allemaal binnen de afdeling ${h.byDivision.find((row) => round1(row.planned.value) !== 0)!.label}.`
        : divisions.length > 1
          ? `, verdeeld over de afdelingen ${list(divisions)}.`
          : '.') +
      ` Het gaat om ${plural(h.positions.value, 'functie', 'functies')} met een opdracht in de vierde pijler, ingevuld door ${plural(h.people.value, 'personeelslid', 'personeelsleden')}.` +
      ` Van die inzet is ${vte(h.filled.value)} ingevuld door medewerkers in dienst; ` +
      (h.vacancies.value === 0
        ? 'er zijn geen vacatures.'
        : `${plural(h.vacancies.value, 'functie is', 'functies zijn')} op die datum vacant.`),
  );
  const roles = split(h.byRole);
  const regions = h.byRegion.filter((row) => row.key !== '-' && round1(row.planned.value) !== 0);
  const central = h.byRegion.find((row) => row.key === '-');
  const parts: string[] = [];
  if (roles.length > 0) parts.push(`Naar functie gaat het om ${list(roles)}.`);
  if (regions.length > 0)
    parts.push(
      `Naar regio: ${list(regions.map((row) => `${row.label} ${vte(row.planned.value)}`))}` +
        (central && round1(central.planned.value) !== 0
          ? `; ${vte(central.planned.value)} wordt centraal ingezet, zonder regio.`
          : '.'),
    );
  if (parts.length > 0) paragraphs.push(parts.join(' '));
  const need: string[] = [];
  if (h.regions.length > 0) {
    need.push(
      `Volgens het vraagmodel van de planning, op basis van de verwachte instroom van nieuwkomers, zijn in ${longMonth(answer.month)} ${vte(h.required.value)} nodig in de netwerken van de vierde pijler.`,
    );
    const gap = round1(h.gap.value);
    need.push(
      gap === 0
        ? `De inzet die aan die netwerken is toegewezen, dekt die nood${CENTRAL_NOTE}.`
        : gap < 0
          ? `De inzet die aan die netwerken is toegewezen, blijft daar ${vte(-h.gap.value)} onder${CENTRAL_NOTE}.`
          : `De inzet die aan die netwerken is toegewezen, ligt ${vte(h.gap.value)} hoger${CENTRAL_NOTE}.`,
    );
    const short = h.regions
      .filter((region) => round1(region.gap.value) < 0)
      .sort((a, b) => a.gap.value - b.gap.value)
      .slice(0, 3);
    const where = list(short.map((r) => `${r.name} (${vte(-r.gap.value)})`));
    if (short.length > 0)
      need.push(
        gap < 0
          ? `Het grootste tekort ${short.length === 1 ? 'is er' : 'zien we'} in ${where}.`
          : `Toch blijft er een tekort in ${where}.`,
      );
  }
  const first = h.quarters[0];
  const last = h.quarters.at(-1);
  if (first && last && first !== last)
    need.push(
      `Over de planningsperiode evolueert de geplande inzet van ${vte(first.planned)} in ${first.label} naar ${vte(last.planned)} in ${last.label}.`,
    );
  if (need.length > 0) paragraphs.push(need.join(' '));
  return paragraphs;
}

function whereText(answer: Answer): string[] {
  const h = answer.howMany;
  const teams = answer.steering;
  if (teams.length === 0)
    return [
      'In het organigram zijn op die datum geen functies met een opdracht in de vierde pijler opgenomen.',
    ];
  const divisions = answer.where.nodes.filter(
    (node) => node.kind === 'unit' && node.sublabel === 'afdeling',
  );
  const first =
    `De ${plural(h.positions.value, 'functie', 'functies')} van de vierde pijler ${h.positions.value === 1 ? 'zit' : 'zitten'} in ${plural(teams.length, 'eenheid', 'eenheden')}` +
    (divisions.length > 0
      ? ` binnen ${divisions.length === 1 ? 'de afdeling' : 'de afdelingen'} ${list(divisions.map((d) => d.label))}.`
      : '.');
  const perTeam = teams.map(
    (team) =>
      `${team.unitName} (${plural(team.positions, 'functie', 'functies')}, ${vte(team.fte)})`,
  );
  return [first, `Per eenheid: ${list(perTeam)}.`];
}

type Step = { positionId: number; title: string; holder: string | null };

/** "Ann (Netwerkcoach A)", or "Netwerkcoach C (vacature)" for a position nobody holds. */
const who = (step: Step) =>
  step.holder ? `${step.holder} (${step.title})` : `${step.title} (vacature)`;

/** The part of the solid line every team's chain ends in (by position), top last. */
function commonTop(chains: Step[][]): Step[] {
  const shortest = Math.min(...chains.map((chain) => chain.length));
  const top: Step[] = [];
  for (let back = 1; back <= shortest; back++) {
    const step = chains[0]!.at(-back)!;
    if (!chains.every((chain) => chain.at(-back)!.positionId === step.positionId)) break;
    top.unshift(step);
  }
  return top;
}

/** ", die rapporteert aan B" / ", die via B en C rapporteert aan D" for the steps above a head. */
function line(above: Step[]): string {
  if (above.length === 0) return '';
  if (above.length === 1) return `, die rapporteert aan ${who(above[0]!)}`;
  return `, die via ${list(above.slice(0, -1).map(who))} rapporteert aan ${who(above.at(-1)!)}`;
}

/**
 * Who steers each team: the line every team shares (say, the division head up to the
 * administrator-general) said once, then per team its own head and the steps up to that
 * shared part — a parliamentary answer does not repeat the same chain seven times.
 */
function steeringText(answer: Answer): string[] {
  const teams = answer.steering.filter((team) => team.chain.length > 0);
  if (teams.length === 0) return ['Er zijn geen teams met een opdracht in de vierde pijler.'];
  const oneDivision = new Set(teams.map((team) => team.divisionName)).size === 1;
  const name = (team: (typeof teams)[number]) =>
    oneDivision || !team.divisionName || team.divisionName === team.unitName
      ? team.unitName
      : `${team.unitName} (${team.divisionName})`;
  const intro =
    'De medewerkers van de vierde pijler worden via de gewone hiërarchische lijn aangestuurd';
  const top = teams.length > 1 ? commonTop(teams.map((team) => team.chain)) : [];
  if (top.length === 0)
    return [
      `${intro}.`,
      teams
        .map((team) => {
          const [head, ...above] = team.chain;
          return `${name(team)} wordt geleid door ${who(head!)}${line(above)}.`;
        })
        .join(' '),
    ];
  const shared =
    top.length === 1
      ? `naar ${who(top[0]!)}`
      : `via ${list(top.slice(0, -1).map(who))} naar ${who(top.at(-1)!)}`;
  const sentences = teams.map((team) => {
    const own = team.chain.slice(0, team.chain.length - top.length);
    if (own.length === 0) return `${name(team)} wordt rechtstreeks geleid door ${who(top[0]!)}.`;
    const [head, ...above] = own;
    if (!head!.holder)
      return `In ${name(team)} is de leidinggevende functie ${head!.title} vacant; ze valt onder ${who(above[0] ?? top[0]!)}.`;
    const under =
      above.length === 0 ? `, rechtstreeks onder ${top[0]!.holder ?? top[0]!.title}` : line(above);
    return `${name(team)} wordt geleid door ${who(head!)}${under}.`;
  });
  return [
    `${intro}; voor alle ${int(teams.length)} eenheden met medewerkers van de vierde pijler loopt die lijn ${shared}.`,
    sentences.join(' '),
  ];
}

function crossUnitText(answer: Answer): string[] {
  const { links, pairs } = answer.crossUnit;
  if (links.length === 0)
    return [
      'In het organigram zijn geen transversale verbanden (stippellijnen) met de vierde pijler vastgelegd.',
    ];
  const labels = new Map<string, number>();
  for (const link of links) labels.set(link.label, (labels.get(link.label) ?? 0) + 1);
  const byCount = [...labels].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'nl'));
  const first =
    `De samenwerking over de eenheden heen is in het organigram vastgelegd met ${plural(links.length, 'functioneel verband', 'functionele verbanden')} (stippellijnen): ` +
    `${list(byCount.map(([label, n]) => `“${label}” (${int(n)})`))}.`;
  const paragraphs = [first];
  if (pairs.length > 0)
    paragraphs.push(
      `Tussen afdelingen gaat het om de samenwerking ${list(
        pairs.map(
          (pair) =>
            `tussen ${pair.a} en ${pair.b} (${plural(pair.links, 'verband', 'verbanden')}: ${list(pair.labels.map((l) => `“${l}”`))})`,
        ),
      )}.`,
    );
  return paragraphs;
}

function pilotsText(answer: Answer): string[] {
  const p = answer.pilots;
  const paragraphs: string[] = [];
  if (p.pilots.value === 0) {
    paragraphs.push('De werkruimte bevat geen proeftuinen in de planningsperiode.');
  } else {
    paragraphs.push(
      `In de planningsperiode liepen ${plural(p.pilots.value, 'proeftuin', 'proeftuinen')} van de vierde pijler. ` +
        `Zij bereikten ${plural(p.participantsReached.value, 'deelnemer', 'deelnemers')}, tegenover een doelstelling van ${int(p.participantsTarget.value)}. ` +
        `De subsidie bedraagt in totaal ${euro(p.budgetEur.value)}` +
        (p.cofinancingEur.value > 0
          ? `, aangevuld met ${euro(p.cofinancingEur.value)} cofinanciering.`
          : '.') +
        (p.interimEvaluations === 0
          ? ''
          : p.interimEvaluations === p.pilots.value && p.pilots.value > 1
            ? ` Voor alle ${int(p.interimEvaluations)} proeftuinen ligt een tussentijdse evaluatie voor.`
            : ` Voor ${plural(p.interimEvaluations, 'proeftuin', 'proeftuinen')} ligt een tussentijdse evaluatie voor.`),
    );
    const networks = p.byNetwork
      .filter((n) => n.covered > 0)
      .sort(
        (a, b) => b.covered / b.total - a.covered / a.total || a.name.localeCompare(b.name, 'nl'),
      );
    paragraphs.push(
      `De proeftuinen betrekken ${int(p.municipalitiesCovered.value)} van de ${int(p.municipalitiesTotal)} gemeenten in de netwerken van de vierde pijler` +
        (networks.length > 0
          ? `, onder meer ${list(networks.slice(0, 3).map((n) => `${int(n.covered)} van de ${int(n.total)} in ${n.name}`))}.`
          : '.'),
    );
  }
  paragraphs.push(
    p.readiness === null
      ? 'Over de gereedheid van de lokale besturen voor hun regierol bevat de werkruimte geen gegevens.'
      : `Wat de voorbereiding van de lokale besturen op hun regierol betreft: ${list(p.readiness.map((r) => `${int(r.value.value)} × ${r.label}`))}.`,
  );
  return paragraphs;
}
