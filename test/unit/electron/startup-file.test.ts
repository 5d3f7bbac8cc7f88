import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { findStartupFile } from '../../../electron/main/startup-file';

describe('findStartupFile', () => {
  it.each([
    [
      'packaged, double-clicked',
      ['Pijlerplan.exe', 'C:/werk/plan.pijlerplan'],
      'C:/werk/plan.pijlerplan',
    ],
    ['electron . file', ['electron', '.', 'plan.pijlerplan'], '/home/an/plan.pijlerplan'],
    ['with flags', ['electron', '--inspect', 'out/main/index.js', 'x.SQLITE'], '/home/an/x.SQLITE'],
    ['nothing', ['electron', '.'], null],
    ['a spreadsheet is not a workspace', ['Pijlerplan', 'gemeenten.xlsx'], null],
    ['a flag that looks like a file', ['Pijlerplan', '--file=a.pijlerplan'], null],
  ])('%s', (_label, argv, expected) => {
    const result = findStartupFile(argv, '/home/an');
    expect(result).toBe(expected === null ? null : path.resolve('/home/an', expected));
  });
});
