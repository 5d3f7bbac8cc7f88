import { describe, expect, it } from 'vitest';
import {
  LIFTOFF_ONLY_BELOW,
  LIFTOFF_ONLY_FLAG,
  TIERING_BUDGET_FLAG,
  inputWeight,
  wasmTierFlag,
} from '../../../src/cli/wasm-tier';

const MB = 1024 * 1024;
const sizes = (files: Record<string, number>) => (path: string) => files[path];

describe('the CLI’s wasm tier: Liftoff only for small inputs, the raised budget for large ones', () => {
  it.each([
    [
      'a small CSV import',
      ['import', 'a.csv', '--into', 'w.pijlerplan'],
      { 'a.csv': 2 * MB },
      LIFTOFF_ONLY_FLAG,
    ],
    [
      'a 100k-row .xlsx (6 MB)',
      ['import', 'x.xlsx', '--into', 'new.pijlerplan'],
      { 'x.xlsx': 6 * MB },
      LIFTOFF_ONLY_FLAG,
    ],
    [
      'a 300k-row .xlsx (18 MB)',
      ['import', 'x.xlsx', '--into', 'new.pijlerplan'],
      { 'x.xlsx': 18 * MB },
      TIERING_BUDGET_FLAG,
    ],
    [
      'a 1M-row CSV (137 MB)',
      ['import', 'big.csv', '--into', 'w.pijlerplan'],
      { 'big.csv': 137 * MB },
      TIERING_BUDGET_FLAG,
    ],
    [
      'a small file into a large workspace',
      ['import', 'a.csv', '--into', 'w.pijlerplan'],
      { 'a.csv': MB, 'w.pijlerplan': 150 * MB },
      TIERING_BUDGET_FLAG,
    ],
    [
      'a query on the demo workspace',
      ['query', 'demo.pijlerplan', 'select 1'],
      { 'demo.pijlerplan': 7 * MB },
      LIFTOFF_ONLY_FLAG,
    ],
    ['no file at all (demo, help)', ['demo', '--out', 'new.pijlerplan'], {}, LIFTOFF_ONLY_FLAG],
  ])('%s', (_label, args, files, flag) => {
    expect(wasmTierFlag(args, sizes(files))).toBe(flag);
  });

  it('options are never taken for files, even when a file has that name', () => {
    expect(wasmTierFlag(['--format', 'csv'], sizes({ '--format': 500 * MB }))).toBe(
      LIFTOFF_ONLY_FLAG,
    );
  });

  it('an .xlsx weighs 2.3 times its bytes, other files their bytes; the limit lies between', () => {
    expect(inputWeight('Gemeenten.XLSX', 10 * MB)).toBeCloseTo(23 * MB);
    expect(inputWeight('macro.xlsm', MB)).toBeCloseTo(2.3 * MB);
    expect(inputWeight('gegevens.csv', 10 * MB)).toBe(10 * MB);
    expect(inputWeight('x.xlsx', 10 * MB)).toBeLessThan(LIFTOFF_ONLY_BELOW);
    expect(inputWeight('x.xlsx', 11 * MB)).toBeGreaterThan(LIFTOFF_ONLY_BELOW);
  });
});
