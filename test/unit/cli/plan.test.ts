import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './cli-harness';
import { exportWorkspaceDb } from '../../../src/core/db/workspace-file';
import { planSession } from '../planning/planning-fixture';

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pijlerplan-plan-'));
  file = path.join(dir, 'plan.pijlerplan');
  const session = await planSession();
  await writeFile(file, exportWorkspaceDb(session.db));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('plan', () => {
  // Hand-worked in planning-core.test.ts: NW1 needs 1,3333 VTE in K1 and 2,0 in K2, 0,6 planned;
  // NW2 needs 0,2667 and 0,4, with 1,2 and 1,1 planned.
  it('prints gepland, nodig, verschil per network and quarter as csv', async () => {
    const result = await cli(
      'plan',
      file,
      '--scenario',
      'Basis',
      '--by',
      'region,quarter',
      '--format',
      'csv',
    );
    expect(result).toEqual({
      code: 0,
      err: '',
      out: [
        'regio,periode,gepland,nodig,verschil',
        'Netwerk Een,2023-K1,0.6,1.33,-0.73',
        'Netwerk Een,2023-K2,0.6,2,-1.4',
        'Netwerk Twee,2023-K1,1.2,0.27,0.93',
        'Netwerk Twee,2023-K2,1.1,0.4,0.7',
        '',
      ].join('\n'),
    });
  });

  it('over the whole horizon as a table', async () => {
    const result = await cli('plan', file, '--scenario', 'Basis');
    expect(result.code).toBe(0);
    // NW1: needed (0,667 + 1,333 + 2 + 2 + 2 + 2) ÷ 6 = 1,67, planned 0,6; nl-BE decimal
    // commas, right-aligned under their headers. NW2: (0,2667 + 0,4) ÷ 2 = 0,33 needed, 1,15 planned.
    expect(result.out).toMatch(/^Netwerk Een +0,60 +1,67 +-1,07$/m);
    expect(result.out).toMatch(/^Netwerk Twee +1,15 +0,33 +0,82$/m);
    expect(result.out).not.toMatch(/\d\.\d\d/);
    const [header, , first] = result.out.split('\n');
    expect(first!.length).toBe(header!.length);
  });

  it.each([
    [['plan', 'x.pijlerplan'], /--scenario/],
    [['plan', '--scenario', 'Basis'], /Geef één werkruimte/],
    [['plan', 'FILE', '--scenario', 'Nope'], /Scenario "Nope" bestaat niet .*"Basis", "Leeg"/],
    [
      ['plan', 'FILE', '--scenario', 'Basis', '--by', 'activity'],
      /--by "activity" wordt niet begrepen/,
    ],
  ])('refuses %j with a Dutch message', async (argv, message) => {
    const result = await cli(...argv.map((arg) => (arg === 'FILE' ? file : arg)));
    expect(result.code).not.toBe(0);
    expect(result.err).toMatch(message);
  });
});
