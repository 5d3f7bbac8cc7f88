import { describe, expect, it } from 'vitest';
import type { AnswerOrgNode, CrossLink, LinkEndInfo } from '../../../src/core/answer/types';
import { layoutChart } from '../../../src/core/org';
import {
  answerTree,
  draftPlainText,
  linksByLabel,
  names,
} from '../../../src/features/answer/answer-model';

const node = (
  key: string,
  parentKey: string | null,
  kind: AnswerOrgNode['kind'] = 'position',
): AnswerOrgNode => ({
  key,
  parentKey,
  kind,
  id: Number(key.slice(1)),
  label: key,
  sublabel: '',
  fte: 1,
  vacant: false,
});

const end = (label: string): LinkEndInfo => ({
  kind: 'position',
  id: label.length,
  label,
  unitName: 'Cel',
  divisionName: 'OD',
});
const link = (id: number, from: string, to: string, label: string): CrossLink => ({
  id,
  label,
  from: end(from),
  to: end(to),
});

describe('the compact organigram tree', () => {
  it('hangs every box under its parent, top boxes (and orphans) under the root', () => {
    const tree = answerTree([
      node('u1', null, 'unit'),
      node('u2', 'u1', 'unit'),
      node('p3', 'u2'),
      node('p4', 'p3'),
      node('p5', 'u9'), // its parent is not in the answer: drawn at the top, not lost
    ]);
    expect(tree.children.map((c) => c.key)).toEqual(['u1', 'p5']);
    expect(tree.children[0]!.children[0]!.children[0]!.children.map((c) => c.key)).toEqual(['p4']);
    // The organigram's own layout places all five boxes.
    const layout = layoutChart(tree);
    expect(layout.cards.map((c) => c.key).sort()).toEqual(['p3', 'p4', 'p5', 'u1', 'u2']);
  });
});

describe('cross-unit lines by form of cooperation', () => {
  const links = [
    link(1, 'Netwerkcoach A', 'Cel', 'werkgroep'),
    link(2, 'Netwerkcoach B', 'Cel', 'werkgroep'),
    link(3, 'HR-consulent', 'Cel', 'aanwerving'),
    link(4, 'Netwerkcoach C', 'Cel', 'werkgroep'),
    link(5, 'Netwerkcoach A', 'Teamleider', 'werkgroep'),
  ];
  it('groups by label, the largest group first, then alphabetically', () => {
    expect(linksByLabel(links).map((g) => [g.label, g.links.length])).toEqual([
      ['werkgroep', 4],
      ['aanwerving', 1],
    ]);
  });
  it.each([
    [3, 'Netwerkcoach A, Netwerkcoach B, Netwerkcoach C'],
    [2, 'Netwerkcoach A, Netwerkcoach B en 1 andere'],
  ])('names each side once, at most %i', (max, expected) => {
    const group = linksByLabel(links)[0]!;
    expect(
      names(
        group.links.map((l) => l.from),
        max,
        (n) => `en ${n} andere`,
      ),
    ).toBe(expected);
    expect(
      names(
        group.links.map((l) => l.to),
        max,
        (n) => `en ${n} andere`,
      ),
    ).toBe('Cel, Teamleider');
  });
});

describe('the draft as plain text (Copy)', () => {
  it('writes a title line per sub-question, then its paragraphs, blank lines between', () => {
    expect(
      draftPlainText([
        {
          id: 'howMany',
          title: 'Hoeveel VTE?',
          paragraphs: ['Op 1 januari 2023 …', 'Naar functie …'],
        },
        { id: 'where', title: 'Waar?', paragraphs: ['In 7 eenheden.'] },
      ]),
    ).toBe('Hoeveel VTE?\n\nOp 1 januari 2023 …\n\nNaar functie …\n\n\nWaar?\n\nIn 7 eenheden.');
  });
});
