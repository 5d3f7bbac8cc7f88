import { flextree, type FlexNode } from 'd3-flextree';
import type { ChartNode } from './chart-tree';

export type CardBox = {
  key: string;
  kind: 'unit' | 'position';
  id: number;
  x: number;
  y: number;
  w: number;
  h: number;
  parentKey: string | null;
  /** Children in the tree, drawn or not; > 0 and collapsed means "expand me". */
  childCount: number;
  collapsed: boolean;
};

export type EdgePath = {
  from: string;
  to: string;
  kind: 'structure' | 'reporting';
  /** An orthogonal polyline, in chart coordinates. */
  points: [number, number][];
};

export type ChartLayout = {
  cards: CardBox[];
  edges: EdgePath[];
  byKey: Map<string, CardBox>;
  width: number;
  height: number;
};

export const CARD = {
  unit: { w: 248, h: 104 },
  position: { w: 224, h: 80 },
  /** Vertical gap between a card and its children. */
  gapY: 44,
  /** Between siblings. */
  gapX: 20,
  /** Between cards stacked in a block of leaves. */
  stackGapY: 10,
  /** Room left of each stacked column for its connector line. */
  stackIndent: 18,
  /** A card with this many leaf positions or more stacks them in columns. */
  stackMin: 4,
  /** Margin around the whole chart. */
  margin: 24,
};

type Block = { leaves: ChartNode[]; cols: number; rows: number };
type LNode = {
  node: ChartNode | null;
  block: Block | null;
  children: LNode[];
  w: number;
  h: number;
};

const sizeOf = (node: ChartNode) => (node.kind === 'unit' ? CARD.unit : CARD.position);

/** Columns for a block of `n` stacked leaves: about twice as tall as wide, at most 6. */
export function stackColumns(n: number): number {
  return Math.min(6, Math.max(2, Math.ceil(Math.sqrt(n / 2))));
}

function toLayoutTree(node: ChartNode, collapsed: ReadonlySet<string>): LNode {
  const size = node.kind === 'root' ? { w: 0, h: 0 } : sizeOf(node);
  const own: LNode = { node, block: null, children: [], w: size.w, h: size.h };
  if (collapsed.has(node.key)) return own;
  const leaves = node.children.filter((c) => c.kind === 'position' && c.children.length === 0);
  const stacked = leaves.length >= CARD.stackMin && node.kind !== 'root';
  if (stacked) {
    const cols = stackColumns(leaves.length);
    const rows = Math.ceil(leaves.length / cols);
    const w = cols * (CARD.stackIndent + CARD.position.w) + (cols - 1) * CARD.gapX;
    const h = rows * CARD.position.h + (rows - 1) * CARD.stackGapY;
    own.children.push({ node: null, block: { leaves, cols, rows }, children: [], w, h });
  }
  for (const child of node.children) {
    if (stacked && child.kind === 'position' && child.children.length === 0) continue;
    own.children.push(toLayoutTree(child, collapsed));
  }
  return own;
}

/**
 * Places the chart. d3-flextree (a tidy tree for cards of different sizes, O(n)) positions the
 * tree; on top of it, a card's leaf positions (a team of 15 trajectbegeleiders) are stacked in
 * a compact block of columns instead of one very wide row — the block is one node of the
 * tidy tree, and its cards are placed inside it afterwards. Collapsed cards keep their place
 * but not their descendants. Pure and deterministic.
 */
export function layoutChart(
  root: ChartNode,
  collapsed: ReadonlySet<string> = new Set(),
): ChartLayout {
  const tree = toLayoutTree(root, collapsed);
  const layout = flextree<LNode>({
    children: (d) => d.children,
    nodeSize: (n) => [n.data.w, n.data.h + (n.data.h > 0 ? CARD.gapY : 0)],
    spacing: (a, b) => (a.parent === b.parent ? CARD.gapX : CARD.gapX * 2),
  });
  const laid = layout(layout.hierarchy(tree));

  let minX = Infinity;
  let maxX = -Infinity;
  let maxY = 0;
  laid.each((n) => {
    minX = Math.min(minX, n.x - n.data.w / 2);
    maxX = Math.max(maxX, n.x + n.data.w / 2);
    maxY = Math.max(maxY, n.y + n.data.h);
  });
  // The virtual root has no card: lift everything by its (zero) height plus the gap.
  const lift = root.kind === 'root' ? -CARD.gapY : 0;
  const dx = CARD.margin - minX;
  const dy = CARD.margin + lift;

  const cards: CardBox[] = [];
  const edges: EdgePath[] = [];
  const byKey = new Map<string, CardBox>();
  const push = (card: CardBox) => {
    cards.push(card);
    byKey.set(card.key, card);
  };
  const visit = (n: FlexNode<LNode>, parent: CardBox | null) => {
    const { node, block, w, h } = n.data;
    const left = n.x - w / 2 + dx;
    const top = n.y + dy;
    if (block && parent) {
      const midY = parent.y + parent.h + CARD.gapY / 2;
      const px = parent.x + parent.w / 2;
      block.leaves.forEach((leaf, index) => {
        const col = index % block.cols;
        const row = Math.floor(index / block.cols);
        const colLeft = left + col * (CARD.stackIndent + CARD.position.w + CARD.gapX);
        const card: CardBox = {
          key: leaf.key,
          kind: 'position',
          id: leaf.id,
          x: colLeft + CARD.stackIndent,
          y: top + row * (CARD.position.h + CARD.stackGapY),
          w: CARD.position.w,
          h: CARD.position.h,
          parentKey: parent.key,
          childCount: 0,
          collapsed: false,
        };
        push(card);
        const busX = colLeft + CARD.stackIndent / 2;
        const cardMid = card.y + card.h / 2;
        edges.push({
          from: parent.key,
          to: card.key,
          kind: 'reporting',
          points: [
            [px, parent.y + parent.h],
            [px, midY],
            [busX, midY],
            [busX, cardMid],
            [card.x, cardMid],
          ],
        });
      });
      return;
    }
    let card: CardBox | null = null;
    if (node && node.kind !== 'root') {
      card = {
        key: node.key,
        kind: node.kind,
        id: node.id,
        x: left,
        y: top,
        w,
        h,
        parentKey: parent?.key ?? null,
        childCount: node.children.length,
        collapsed: collapsed.has(node.key) && node.children.length > 0,
      };
      push(card);
      if (parent) {
        const px = parent.x + parent.w / 2;
        const cx = card.x + card.w / 2;
        const midY = parent.y + parent.h + CARD.gapY / 2;
        edges.push({
          from: parent.key,
          to: card.key,
          kind: node.kind === 'unit' ? 'structure' : 'reporting',
          points: [
            [px, parent.y + parent.h],
            [px, midY],
            [cx, midY],
            [cx, card.y],
          ],
        });
      }
    }
    for (const child of n.children ?? []) visit(child, card ?? parent);
  };
  visit(laid, null);

  return {
    cards,
    edges,
    byKey,
    width: maxX - minX + 2 * CARD.margin,
    height: maxY + dy + CARD.margin,
  };
}
