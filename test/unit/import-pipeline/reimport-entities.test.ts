import { describe, expect, it } from 'vitest';
import type { EntityName } from '../../../src/core/import/api-types';
import { planFile, startCore, unwrap, xlsx, type Cell } from './helpers';

type Core = Awaited<ReturnType<typeof startCore>>;

async function importAndReplan(core: Core, entity: EntityName, sheet: Cell[][]) {
  const bytes = await xlsx({ Blad: sheet });
  const first = await planFile(core, `${entity}.xlsx`, bytes, {
    target: { kind: 'entity', entity },
  });
  expect(first.plan.issues.filter((i) => i.severity === 'error')).toEqual([]);
  unwrap(await core.call('import.commit', { planId: first.plan.planId, acceptValidRows: false }));
  return (await planFile(core, `${entity}.xlsx`, bytes, { target: { kind: 'entity', entity } }))
    .plan;
}

describe('re-importing the same file changes nothing', () => {
  it.each<[EntityName, Cell[][], (core: Core) => void]>([
    [
      'position',
      [
        ['ID', 'Naam', 'Functie', 'Rapporteert aan', 'Eenheid', 'VTE', 'Aandeel vierde pijler'],
        ['F1', 'Éléonore Dubois', 'Hoofd', null, 'Agentschap', 1, '10 %'],
        ['F2', 'Vacature', 'Coach', 'Éléonore Dubois', 'AGII', '0,8', '100%'],
      ],
      (core) =>
        core.session.db.run(
          "INSERT INTO org_unit (code, name, kind) VALUES ('AGII', 'Agentschap', 'agency')",
        ),
    ],
    [
      'pilot',
      [
        ['Code', 'Proeftuin', 'Trekker', 'Partnergemeenten', 'Aanpak', 'Budget', 'Start'],
        ['P1', 'Thuiskomen', 11001, 'Boom, Niel', 'buddy, stage', '€ 40.000', '1/01/2021'],
      ],
      () => undefined,
    ],
    [
      'org_unit',
      [
        ['Code', 'Naam', 'Soort', 'Valt onder'],
        ['A', 'Agentschap', 'agentschap', null],
        ['B', 'Afdeling', 'afdeling', 'Agentschap'],
      ],
      () => undefined,
    ],
    [
      'municipality',
      [
        ['NIS-code', 'Gemeente', 'Referentieregio', 'Inwoners'],
        [11001, 'Aartselaar', 'Regio Antwerpen', '14.427'],
      ],
      () => undefined,
    ],
  ])('%s', async (entity, sheet, setup) => {
    const core = await startCore();
    setup(core);
    const plan = await importAndReplan(core, entity, sheet);
    expect(plan.diff).toMatchObject({ added: 0, changed: 0 });
    expect(plan.diff.unchanged).toBe(sheet.length - 1);
    expect(plan.diff.rows.filter((r) => r.kind !== 'removed')).toEqual([]);
  });
});
