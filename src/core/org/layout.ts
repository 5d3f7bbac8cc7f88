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

/** One laid-out subtree, in its own coordinates (top-left of its bounding box at 0, 0). */
type Local = { cards: CardBox[]; edges: EdgePath[]; w: number; h: number; root: CardBox | null };

/** A block of subtrees stacked in columns; each item keeps its own layout. */
type Block = { items: Local[]; cols: number; place: { x: number; y: number }[] };
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

/**
 * Puts items in `cols` columns, in order, each column about as tall as the total divided by
 * the columns; returns the block with every item's offset.
 */
function stackBlock(items: Local[], cols: number, gapY: number): LNode {
  const columns = Math.min(cols, items.length);
  const total = items.reduce((sum, item) => sum + item.h + gapY, 0);
  const target = total / columns;
  const place: { x: number; y: number }[] = [];
  const widths: number[] = [];
  const heights: number[] = [];
  let col = 0;
  let y = 0;
  items.forEach((item, index) => {
    const remaining = items.length - index;
    if (y > 0 && y + item.h / 2 > target && col < columns - 1 && remaining >= 1) {
      col++;
      y = 0;
    }
    place.push({ x: col, y });
    widths[col] = Math.max(widths[col] ?? 0, item.w);
    y += item.h + gapY;
    heights[col] = y - gapY;
  });
  const lefts: number[] = [];
  let x = 0;
  for (let c = 0; c < widths.length; c++) {
    lefts.push(x);
    x += CARD.stackIndent + widths[c]! + CARD.gapX;
  }
  for (const p of place) p.x = lefts[p.x]!;
  return {
    node: null,
    block: { items, cols: widths.length, place },
    children: [],
    w: x - CARD.gapX,
    h: Math.max(...heights),
  };
}

const isLeaf = (c: ChartNode) => c.kind === 'position' && c.children.length === 0;

function toLayoutTree(node: ChartNode, collapsed: ReadonlySet<string>, depth: number): LNode {
  const size = node.kind === 'root' ? { w: 0, h: 0 } : sizeOf(node);
  const own: LNode = { node, block: null, children: [], w: size.w, h: size.h };
  if (collapsed.has(node.key)) return own;
  const leaves = node.children.filter(isLeaf);
  const others = node.children.filter((c) => !isLeaf(c));
  const stackLeaves = leaves.length >= CARD.stackMin && node.kind !== 'root';
  if (stackLeaves) {
    const items = leaves.map((leaf) => layoutLocal(leaf, collapsed, depth + 1));
    own.children.push(stackBlock(items, stackColumns(leaves.length), CARD.stackGapY));
  }
  // Below the top level, sibling sub-trees (a region's teams) stack in columns as well, instead
  // of spreading the chart sideways.
  const stackOthers = depth >= 1 && others.length >= 2;
  if (stackOthers) {
    const items = others.map((child) => layoutLocal(child, collapsed, depth + 1));
    const cols = others.length <= 3 ? 1 : Math.ceil(Math.sqrt(others.length));
    own.children.push(stackBlock(items, cols, CARD.gapY));
  }
  for (const child of node.children) {
    if (stackLeaves && isLeaf(child)) continue;
    if (stackOthers && !isLeaf(child)) continue;
    own.children.push(toLayoutTree(child, collapsed, depth + 1));
  }
  return own;
}

function edge(from: CardBox, to: CardBox, points: [number, number][]): EdgePath {
  return {
    from: from.key,
    to: to.key,
    kind: to.kind === 'unit' ? 'structure' : 'reporting',
    points,
  };
}

function translate(local: Local, dx: number, dy: number, parentKey: string | null) {
  const cards = local.cards.map((c) => ({
    ...c,
    x: c.x + dx,
    y: c.y + dy,
    parentKey: c === local.root ? parentKey : c.parentKey,
  }));
  const edges = local.edges.map((e) => ({
    ...e,
    points: e.points.map(([px, py]) => [px + dx, py + dy] as [number, number]),
  }));
  return { cards, edges, root: local.root ? cards[local.cards.indexOf(local.root)]! : null };
}

/**
 * One flextree instance for every layout: flextree() defines a new node class per instance,
 * and a fresh class per sub-tree made V8 de-optimise (measured: 65 → 325 ms over five runs).
 */
const FLEXTREE = flextree<LNode>({
  children: (d) => d.children,
  nodeSize: (n) => [n.data.w, n.data.h + (n.data.h > 0 ? CARD.gapY : 0)],
  spacing: (a, b) => (a.parent === b.parent ? CARD.gapX : CARD.gapX * 2),
});

/** Lays out one subtree in its own coordinates: flextree for the tree, blocks placed inside. */
function layoutLocal(root: ChartNode, collapsed: ReadonlySet<string>, depth: number): Local {
  const tree = toLayoutTree(root, collapsed, depth);
  const laid = FLEXTREE(FLEXTREE.hierarchy(tree));
  let minX = Infinity;
  let maxX = -Infinity;
  let maxY = 0;
  laid.each((n) => {
    minX = Math.min(minX, n.x - n.data.w / 2);
    maxX = Math.max(maxX, n.x + n.data.w / 2);
    maxY = Math.max(maxY, n.y + n.data.h);
  });
  // The virtual root has no card: lift everything by the gap it leaves.
  const dy = root.kind === 'root' ? -CARD.gapY : 0;
  const dx = -minX;
  const cards: CardBox[] = [];
  const edges: EdgePath[] = [];
  let rootCard: CardBox | null = null;

  const visit = (n: FlexNode<LNode>, parent: CardBox | null) => {
    const { node, block, w, h } = n.data;
    const left = n.x - w / 2 + dx;
    const top = n.y + dy;
    if (block) {
      block.items.forEach((item, index) => {
        const at = block.place[index]!;
        const colLeft = left + at.x;
        const placed = translate(item, colLeft + CARD.stackIndent, top + at.y, parent?.key ?? null);
        cards.push(...placed.cards);
        edges.push(...placed.edges);
        if (!parent || !placed.root) return;
        const px = parent.x + parent.w / 2;
        const midY = parent.y + parent.h + CARD.gapY / 2;
        const busX = colLeft + CARD.stackIndent / 2;
        const cardMid = placed.root.y + Math.min(placed.root.h / 2, 24);
        edges.push(
          edge(parent, placed.root, [
            [px, parent.y + parent.h],
            [px, midY],
            [busX, midY],
            [busX, cardMid],
            [placed.root.x, cardMid],
          ]),
        );
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
      cards.push(card);
      if (!rootCard) rootCard = card;
      if (parent) {
        const px = parent.x + parent.w / 2;
        const cx = card.x + card.w / 2;
        const midY = parent.y + parent.h + CARD.gapY / 2;
        edges.push(
          edge(parent, card, [
            [px, parent.y + parent.h],
            [px, midY],
            [cx, midY],
            [cx, card.y],
          ]),
        );
      }
    }
    for (const child of n.children ?? []) visit(child, card ?? parent);
  };
  visit(laid, null);
  return { cards, edges, w: maxX - minX, h: maxY + dy, root: rootCard };
}

/**
 * Places the chart. d3-flextree (a tidy tree for cards of different sizes, O(n)) positions the
 * tree; on top of it our compaction stacks what would make it very wide: a card's leaf
 * positions (a team of 15 trajectbegeleiders) go in a compact block of columns, and below the
 * top level sibling sub-trees (a region's teams) are stacked in columns too. Each block is one
 * node of the tidy tree, its contents laid out on their own and placed inside afterwards.
 * Collapsed cards keep their place but not their descendants. Pure and deterministic.
 */
export function layoutChart(
  root: ChartNode,
  collapsed: ReadonlySet<string> = new Set(),
): ChartLayout {
  const local = layoutLocal(root, collapsed, root.kind === 'root' ? -1 : 0);
  const placed = translate(local, CARD.margin, CARD.margin, null);
  const byKey = new Map(placed.cards.map((card) => [card.key, card]));
  return {
    cards: placed.cards,
    edges: placed.edges,
    byKey,
    width: local.w + 2 * CARD.margin,
    height: local.h + 2 * CARD.margin,
  };
}
