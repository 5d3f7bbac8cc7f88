import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { readAnswer } from '../../../src/core/answer/read';
import type { Answer } from '../../../src/core/answer/types';
import { createCoreRuntime } from '../../../src/core/runtime';
import { diskResources } from '../../../src/node/disk-resources';

/**
 * The answer on the demo workspace against SQL written here (what `npm run cli -- query` runs
 * on the same file), for two reference days: one where a planned vacancy starts later
 * (2023-01-01) and the end of the plan (2026-12-01).
 */
let db: Database;
beforeAll(async () => {
  const core = createCoreRuntime({ resources: diskResources });
  await core.call('workspace.openDemo', undefined);
  db = (await core.session()).db;
}, 60_000);

const value = (sql: string) => Number(db.exec(sql)[0]?.values[0]?.[0] ?? 0);
const VALID = (t: string, date: string) =>
  `(${t}.valid_from IS NULL OR ${t}.valid_from <= '${date}') AND (${t}.valid_to IS NULL OR ${t}.valid_to >= '${date}')`;
const r3 = (n: number) => Math.round(n * 1000) / 1000;

describe.each(['2023-01-01', '2026-12-01'])('the demo on %s, against SQL', (date) => {
  let answer: Answer;
  const month = date.slice(0, 7);
  const held = `EXISTS (SELECT 1 FROM assignment s WHERE s.position_id = p.id AND ${VALID('s', date)})`;
  const lens = `FROM position p WHERE p.pillar4_share > 0 AND p.scenario_id IS NULL AND ${VALID('p', date)}`;
  const allocation = `FROM allocation a JOIN activity act ON act.code = a.activity_code
    JOIN position p ON p.id = a.position_id
    WHERE act.is_pillar4 = 1 AND a.scenario_id = 1 AND a.month = '${month}'`;
  beforeAll(() => {
    const result = readAnswer(db, { date });
    if (!result.ok) throw new Error(result.error.message);
    answer = result.value;
  });

  it('takes the approved scenario', () => {
    expect(answer.scenario).toEqual({ id: 1, name: 'Basis 2022–2026', approved: true });
  });

  it('planned and filled FTE in the month', () => {
    const h = answer.howMany;
    expect(r3(h.planned.value)).toBe(
      r3(value(`SELECT sum(round(a.fte * 1000)) / 1000.0 ${allocation}`)),
    );
    expect(r3(h.filled.value)).toBe(
      r3(
        value(
          `SELECT sum(round(a.fte * 1000)) / 1000.0 ${allocation} AND ${VALID('p', date)} AND ${held}`,
        ),
      ),
    );
    expect(r3(h.byDivision.reduce((sum, row) => sum + row.planned.value, 0))).toBe(
      r3(h.planned.value),
    );
    expect(r3(h.byRole.reduce((sum, row) => sum + row.planned.value, 0))).toBe(r3(h.planned.value));
    expect(r3(h.byRegion.reduce((sum, row) => sum + row.planned.value, 0))).toBe(
      r3(h.planned.value),
    );
  });

  it('positions, people and vacancies on the day', () => {
    const h = answer.howMany;
    expect(h.positions.value).toBe(value(`SELECT count(*) ${lens}`));
    expect(h.vacancies.value).toBe(value(`SELECT count(*) ${lens} AND NOT ${held}`));
    expect(h.people.value).toBe(
      value(
        `SELECT count(DISTINCT s.person_id) FROM assignment s JOIN position p ON p.id = s.position_id
          WHERE p.pillar4_share > 0 AND p.scenario_id IS NULL AND ${VALID('p', date)} AND ${VALID('s', date)}`,
      ),
    );
    // The lens tree holds every fourth-pillar position, once.
    const ids = (db.exec(`SELECT p.id ${lens}`)[0]?.values ?? []).map((row) => Number(row[0]));
    const boxes = answer.where.nodes.filter((n) => n.kind === 'position').map((n) => n.id);
    for (const id of ids) expect(boxes.filter((box) => box === id)).toEqual([id]);
  });

  it('the cross-unit links and the pilots', () => {
    expect(answer.crossUnit.links.length).toBeLessThanOrEqual(
      value('SELECT count(*) FROM cross_unit_link'),
    );
    expect(answer.pilots.pilots.value).toBe(
      value(`SELECT count(*) FROM pilot WHERE (start_date IS NULL OR start_date <= '2026-12-31')
               AND (end_date IS NULL OR end_date >= '2022-01-01')`),
    );
    expect(answer.pilots.participantsReached.value).toBe(
      value('SELECT sum(reached_participants) FROM pilot'),
    );
    expect(answer.pilots.budgetEur.value).toBe(value('SELECT sum(budget_eur) FROM pilot'));
  });

  it('the text says the same numbers', () => {
    const first = answer.text[0]!.paragraphs[0]!;
    const fte = (n: number) =>
      (Math.round(n * 10) / 10).toLocaleString('nl-BE', { maximumFractionDigits: 1 });
    expect(first).toContain(`binnen AgII ${fte(answer.howMany.planned.value)} VTE gepland`);
    expect(first).toContain(`${answer.howMany.positions.value} functies`);
    expect(first).toContain(`${fte(answer.howMany.filled.value)} VTE ingevuld`);
  });
});
