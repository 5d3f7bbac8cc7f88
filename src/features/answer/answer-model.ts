import type { AnswerOrgNode, AnswerText, CrossLink, LinkEndInfo } from '../../core/answer/types';
import type { ChartNode } from '../../core/org';

/** The screen's pure helpers: what it draws and lists, worked out from an Answer. */

/** The answer's boxes as the organigram's chart tree (a root above the top units). */
export function answerTree(nodes: AnswerOrgNode[]): ChartNode {
  const root: ChartNode = { key: 'root', kind: 'root', id: 0, children: [] };
  const byKey = new Map<string, ChartNode>(
    nodes.map((n) => [n.key, { key: n.key, kind: n.kind, id: n.id, children: [] }]),
  );
  for (const n of nodes) {
    const parent = n.parentKey === null ? undefined : byKey.get(n.parentKey);
    (parent ?? root).children.push(byKey.get(n.key)!);
  }
  return root;
}

/** The links grouped by what they are for ("werkgroep vierde pijler": 17 lines, …). */
export function linksByLabel(links: CrossLink[]) {
  const groups = new Map<string, CrossLink[]>();
  for (const link of links) groups.set(link.label, [...(groups.get(link.label) ?? []), link]);
  return [...groups.entries()]
    .map(([label, list]) => ({ label, links: list }))
    .sort((a, b) => b.links.length - a.links.length || a.label.localeCompare(b.label, 'nl'));
}

/** The distinct names on one side of a group of links, in order, at most `max` and "en 3 andere". */
export function names(ends: LinkEndInfo[], max: number, more: (n: number) => string): string {
  const distinct = [...new Set(ends.map((end) => end.label))];
  const shown = distinct.slice(0, max).join(', ');
  return distinct.length > max ? `${shown} ${more(distinct.length - max)}` : shown;
}

/** The draft as plain text: a title line per sub-question, then its paragraphs. */
export function draftPlainText(text: AnswerText[]): string {
  return text.map((part) => [part.title, ...part.paragraphs].join('\n\n')).join('\n\n\n');
}
