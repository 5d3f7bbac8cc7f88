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
  unit: { w: 248, h: 120 },
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

/** A sub-tree that is laid out on its own and placed inside a block; `local` once laid out. */
type Item = { tree: LNode | null; local: Local | null };

/** A block of sub-trees stacked in columns; sized once its items are laid out. */
type Block = { items: Item[]; cols: number; gapY: number; place: { x: number; y: number }[] };
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
 * Puts a block's items in columns, in order, each column about as tall as the total divided by
 * the columns; sets every item's offset and the block's size.
 */
function sizeBlock(lnode: LNode): void {
  const block = lnode.block!;
  const items = block.items.map((item) => item.local!);
  const columns = Math.min(block.cols, items.length);
  const total = items.reduce((sum, item) => sum + item.h + block.gapY, 0);
  const target = total / columns;
  const widths: number[] = [];
  const heights: number[] = [];
  const place: { x: number; y: number }[] = [];
  let col = 0;
  let y = 0;
  for (const item of items) {
    if (y > 0 && y + item.h / 2 > target && col < columns - 1) {
      col++;
      y = 0;
    }
    place.push({ x: col, y });
    widths[col] = Math.max(widths[col] ?? 0, item.w);
    y += item.h + block.gapY;
    heights[col] = y - block.gapY;
  }
  const lefts: number[] = [];
  let x = 0;
  for (const width of widths) {
    lefts.push(x);
    x += CARD.stackIndent + width + CARD.gapX;
  }
  for (const p of place) p.x = lefts[p.x]!;
  block.place = place;
  lnode.w = x - CARD.gapX;
  lnode.h = Math.max(...heights);
}

const isLeaf = (c: ChartNode) => c.kind === 'position' && c.children.length === 0;

function leafLocal(leaf: ChartNode): Local {
  const card: CardBox = {
    key: leaf.key,
    kind: 'position',
    id: leaf.id,
    x: 0,
    y: 0,
    w: CARD.position.w,
    h: CARD.position.h,
    parentKey: null,
    childCount: 0,
    collapsed: false,
  };
  return { cards: [card], edges: [], w: card.w, h: card.h, root: card };
}

type Build = { collapsed: ReadonlySet<string>; compact: boolean; levels: Item[][] };

/** The tidy-tree input for a sub-tree; stacked sub-trees are registered one level deeper. */
function toLayoutTree(node: ChartNode, depth: number, level: number, build: Build): LNode {
  const size = node.kind === 'root' ? { w: 0, h: 0 } : sizeOf(node);
  const own: LNode = { node, block: null, children: [], w: size.w, h: size.h };
  if (build.collapsed.has(node.key)) return own;
  const leaves = node.children.filter(isLeaf);
  const others = node.children.filter((c) => !isLeaf(c));
  const stackLeaves = build.compact && leaves.length >= CARD.stackMin && node.kind !== 'root';
  const block = (items: Item[], cols: number, gapY: number): LNode => ({
    node: null,
    block: { items, cols, gapY, place: [] },
    children: [],
    w: 0,
    h: 0,
  });
  if (stackLeaves) {
    const items = leaves.map((leaf) => ({ tree: null, local: leafLocal(leaf) }));
    own.children.push(block(items, stackColumns(leaves.length), CARD.stackGapY));
  }
  // Below the top level, sibling sub-trees (a region's teams) stack in columns as well, instead
  // of spreading the chart sideways.
  const stackOthers = build.compact && depth >= 1 && others.length >= 2;
  if (stackOthers) {
    const items = others.map((child): Item => {
      const item = { tree: toLayoutTree(child, depth + 1, level + 1, build), local: null };
      (build.levels[level + 1] ??= []).push(item);
      return item;
    });
    const cols = others.length <= 3 ? 1 : Math.ceil(Math.sqrt(others.length));
    own.children.push(block(items, cols, CARD.gapY));
  }
  for (const child of node.children) {
    if (stackLeaves && isLeaf(child)) continue;
    if (stackOthers && !isLeaf(child)) continue;
    own.children.push(toLayoutTree(child, depth + 1, level, build));
  }
  return own;
}

function sizeBlocks(lnode: LNode): void {
  if (lnode.block) sizeBlock(lnode);
  for (const child of lnode.children) sizeBlocks(child);
}

function edge(from: CardBox, to: CardBox, points: [number, number][]): EdgePath {
  return {
    from: from.key,
    to: to.key,
    kind: to.kind === 'unit' ? 'structure' : 'reporting',
    points,
  };
}

/** Moves a laid-out sub-tree into place, in place: each Local is placed exactly once. */
function translate(local: Local, dx: number, dy: number, parentKey: string | null): Local {
  for (const card of local.cards) {
    card.x += dx;
    card.y += dy;
  }
  for (const e of local.edges) {
    for (const point of e.points) {
      point[0] += dx;
      point[1] += dy;
    }
  }
  if (local.root) local.root.parentKey = parentKey;
  return local;
}

/**
 * One flextree instance for every layout: flextree() defines a node class per instance (and
 * per hierarchy() call), so the layout runs it once per nesting level for all sub-trees of
 * that level together (a forest), never once per sub-tree — that cost 0.5–2 s at 3,000.
 */
const FLEXTREE = flextree<LNode>({
  children: (d) => d.children,
  nodeSize: (n) => [n.data.w, n.data.h + (n.data.h > 0 ? CARD.gapY : 0)],
  spacing: (a, b) => (a.parent === b.parent ? CARD.gapX : CARD.gapX * 2),
});

/** Cards and edges of one laid-out sub-tree, moved so its bounding box starts at 0, 0. */
function extractLocal(laid: FlexNode<LNode>, collapsed: ReadonlySet<string>): Local {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  laid.each((n) => {
    if (n.data.w === 0 && n.data.h === 0) return;
    minX = Math.min(minX, n.x - n.data.w / 2);
    maxX = Math.max(maxX, n.x + n.data.w / 2);
    minY = Math.min(minY, n.y);
    maxY = Math.max(maxY, n.y + n.data.h);
  });
  if (minX === Infinity) return { cards: [], edges: [], w: 0, h: 0, root: null };
  const dx = -minX;
  const dy = -minY;
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
        const placed = translate(
          item.local!,
          colLeft + CARD.stackIndent,
          top + at.y,
          parent?.key ?? null,
        );
        for (const card of placed.cards) cards.push(card);
        for (const e of placed.edges) edges.push(e);
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
  return { cards, edges, w: maxX - minX, h: maxY - minY, root: rootCard };
}

/**
 * Places the chart. d3-flextree (a tidy tree for cards of different sizes, O(n)) positions the
 * tree; on top of it our compaction stacks what would make it very wide: a card's leaf
 * positions (a team of 15 trajectbegeleiders) go in a compact block of columns, and below the
 * top level sibling sub-trees (a region's teams) are stacked in columns too. Each block is one
 * node of the tidy tree; its sub-trees are laid out first (deepest level first, all sub-trees
 * of a level in one flextree run: a sub-tree's inner layout does not depend on its siblings)
 * and placed inside it. Collapsed cards keep their place but not their descendants.
 */
export function layoutChart(
  root: ChartNode,
  collapsed: ReadonlySet<string> = new Set(),
  /** false: the plain tidy tree, for comparison (benchmarks). */
  options: { compact?: boolean } = {},
): ChartLayout {
  const build: Build = { collapsed, compact: options.compact ?? true, levels: [] };
  const top: Item = {
    tree: toLayoutTree(root, root.kind === 'root' ? -1 : 0, 0, build),
    local: null,
  };
  (build.levels[0] ??= []).unshift(top);
  for (let level = build.levels.length - 1; level >= 0; level--) {
    const items = build.levels[level] ?? [];
    if (items.length === 0) continue;
    for (const item of items) sizeBlocks(item.tree!);
    const forest: LNode = {
      node: null,
      block: null,
      children: items.map((item) => item.tree!),
      w: 0,
      h: 0,
    };
    const laid = FLEXTREE(FLEXTREE.hierarchy(forest));
    (laid.children ?? []).forEach((sub, index) => {
      items[index]!.local = extractLocal(sub, collapsed);
    });
  }
  const local = top.local!;
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
