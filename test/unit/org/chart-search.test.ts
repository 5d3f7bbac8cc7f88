import { describe, expect, it } from 'vitest';
import { fold, searchChart, type SearchEntry } from '../../../src/features/organigram/chart-model';

const entry = (key: string, label: string): SearchEntry => ({
  key,
  label,
  detail: '',
  haystack: fold(label),
});

describe('the organigram search folds case and accents', () => {
  it('lower-cases plain ASCII the same way as the Unicode path', () => {
    expect(fold('Teamleider ICT (ZD-ICT-TL)')).toBe('teamleider ict (zd-ict-tl)');
    expect(fold('IJsselstein')).toBe('ijsselstein');
    expect(fold('Ann Peeters — Coach (ZD-C1)')).toBe('ann peeters — coach (zd-c1)');
  });

  it('drops accents outside ASCII', () => {
    expect(fold('Élise Dumoulin — Coördinator')).toBe('elise dumoulin — coordinator');
    expect(fold('Françoise')).toBe('francoise');
  });

  it('finds entries whatever the accents and case of query or label', () => {
    const entries = [entry('p1', 'Élise — Coördinator'), entry('p2', 'Bert — Coach')];
    expect(searchChart(entries, 'coordinator').map((e) => e.key)).toEqual(['p1']);
    expect(searchChart(entries, 'ÉLISE coör').map((e) => e.key)).toEqual(['p1']);
    expect(searchChart(entries, 'COACH').map((e) => e.key)).toEqual(['p2']);
    expect(searchChart(entries, '   ')).toEqual([]);
  });
});
