import type { CardBox } from '../../core/org';
import type { CardText } from './chart-model';
import type { ChartPalette } from './chart-theme';

/**
 * A card as plain shapes (rects and text lines). The screen turns them into React SVG
 * elements, the export into an SVG string: one drawing, two outputs, nothing to drift apart.
 */
export type Shape =
  | {
      type: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      rx?: number;
      fill: string;
      stroke?: string;
      strokeWidth?: number;
      dash?: string;
    }
  | {
      type: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      fill: string;
      weight?: number;
      italic?: boolean;
      anchor?: 'start' | 'end' | 'middle';
    };

/** How much a card shows: everything, only its title (zoomed out), or only its box. */
export type Detail = 'full' | 'title' | 'box';

export type ChangeKind = 'added' | 'moved' | 'fte-changed';

export type CardState = {
  selected?: boolean;
  highlighted?: boolean;
  dropTarget?: boolean;
  /** Compare mode: how this card changed against the other scenario or date, and its label. */
  change?: { kind: ChangeKind; label: string };
};

/** A compare badge in the card's top-right corner, in the change's colour. */
function changeBadge(box: CardBox, palette: ChartPalette, change: CardState['change']): Shape[] {
  if (!change) return [];
  const w = Math.max(44, change.label.length * 6.4 + 14);
  const x = box.x + box.w - w - 6;
  const y = box.y - 9;
  const fill = palette.change[change.kind];
  return [
    { type: 'rect', x, y, w, h: 18, rx: 9, fill },
    {
      type: 'text',
      x: x + w / 2,
      y: y + 13,
      text: change.label,
      size: 10.5,
      weight: 700,
      fill: palette.changeText,
      anchor: 'middle',
    },
  ];
}

function cardBody(
  box: CardBox,
  text: CardText,
  palette: ChartPalette,
  detail: Detail,
  state: CardState = {},
  unitKind = 'team',
): Shape[] {
  const { x, y, w, h } = box;
  const shapes: Shape[] = [];
  const stroke = state.dropTarget
    ? palette.dropTarget
    : state.selected
      ? palette.selected
      : state.change
        ? palette.change[state.change.kind]
        : text.issue
          ? palette.issue
          : state.highlighted
            ? palette.pillar4
            : palette.cardStroke;
  const strokeWidth =
    state.dropTarget || state.selected || state.change || text.issue || state.highlighted ? 2.5 : 1;

  if (box.kind === 'unit') {
    shapes.push({ type: 'rect', x, y, w, h, rx: 6, fill: palette.unitFill, stroke, strokeWidth });
    const header = palette.unitHeader[unitKind] ?? palette.unitHeader.team!;
    shapes.push({ type: 'rect', x, y, w, h: 6, rx: 3, fill: header });
    if (detail === 'box') return shapes;
    text.lines.forEach((line, i) =>
      shapes.push({
        type: 'text',
        x: x + 10,
        y: y + 24 + i * 16,
        text: line,
        size: 13,
        weight: 650,
        fill: palette.text,
      }),
    );
    if (detail === 'title') return shapes;
    const below = y + 24 + text.lines.length * 16;
    if (text.sub) {
      shapes.push({
        type: 'text',
        x: x + 10,
        y: below,
        text: text.sub,
        size: 11,
        fill: palette.textMuted,
      });
    }
    shapes.push({
      type: 'text',
      x: x + 10,
      y: y + h - 42,
      text: text.fte,
      size: 11,
      fill: palette.text,
    });
    if (text.detail) {
      shapes.push({
        type: 'text',
        x: x + 10,
        y: y + h - 26,
        text: text.detail,
        size: 11,
        fill: palette.textMuted,
      });
    }
    if (text.pillar4) {
      shapes.push({
        type: 'text',
        x: x + 10,
        y: y + h - 10,
        text: text.pillar4,
        size: 11,
        weight: 650,
        fill: palette.pillar4Text,
      });
    }
    return shapes;
  }

  shapes.push({
    type: 'rect',
    x,
    y,
    w,
    h,
    rx: 6,
    fill: state.highlighted ? palette.pillar4Fill : palette.cardFill,
    stroke: text.vacant && stroke === palette.cardStroke ? palette.vacant : stroke,
    strokeWidth,
    dash: text.vacant ? '5 3' : undefined,
  });
  if (text.pillar4) shapes.push({ type: 'rect', x, y, w: 5, h, rx: 2, fill: palette.pillar4 });
  if (detail === 'box') return shapes;
  text.lines.forEach((line, i) =>
    shapes.push({
      type: 'text',
      x: x + 12,
      y: y + 18 + i * 15,
      text: line,
      size: 12,
      weight: 600,
      fill: palette.text,
    }),
  );
  if (detail === 'title') return shapes;
  shapes.push({
    type: 'text',
    x: x + 12,
    y: y + h - 26,
    text: text.sub ?? '',
    size: 11,
    fill: text.vacant ? palette.vacant : palette.textMuted,
    italic: text.vacant,
  });
  shapes.push({
    type: 'text',
    x: x + 12,
    y: y + h - 10,
    text: text.fte,
    size: 11,
    fill: palette.text,
  });
  if (text.pillar4) {
    shapes.push({
      type: 'text',
      x: x + w - 10,
      y: y + h - 10,
      text: text.pillar4,
      size: 11,
      weight: 650,
      fill: palette.pillar4Text,
      anchor: 'end',
    });
  }
  return shapes;
}

export function cardShapes(
  box: CardBox,
  text: CardText,
  palette: ChartPalette,
  detail: Detail,
  state: CardState = {},
  unitKind = 'team',
): Shape[] {
  const shapes = cardBody(box, text, palette, detail, state, unitKind);
  return state.change ? [...shapes, ...changeBadge(box, palette, state.change)] : shapes;
}

/** An SVG path through the points of each polyline ("M x y L x y …"), all in one string. */
export function polylinePath(lines: readonly (readonly [number, number])[][]): string {
  let d = '';
  for (const points of lines) {
    points.forEach(([px, py], i) => {
      d += `${i === 0 ? 'M' : 'L'}${Math.round(px * 10) / 10} ${Math.round(py * 10) / 10}`;
    });
  }
  return d;
}

/** A dotted cross-unit link: a curve from one card's side to the other's, bowing downwards. */
export function linkPath(from: CardBox, to: CardBox): { d: string; mid: [number, number] } {
  const ax = from.x + from.w / 2;
  const ay = from.y + from.h;
  const bx = to.x + to.w / 2;
  const by = to.y + to.h;
  const drop = Math.min(260, 60 + Math.abs(bx - ax) * 0.15);
  const cy = Math.max(ay, by) + drop;
  return {
    d: `M${ax} ${ay} C${ax} ${cy} ${bx} ${cy} ${bx} ${by}`,
    mid: [(ax + bx) / 2, Math.max(ay, by) + drop * 0.75],
  };
}
