import { memo } from 'react';
import type { CardBox } from '../../core/org';
import { cardShapes, type CardState, type Detail, type Shape } from './card-shapes';
import type { CardText } from './chart-model';
import type { ChartPalette } from './chart-theme';
import classes from './organigram.module.css';

/** One shape of a card as SVG (ChartCard's, and the batched box layer's texts). */
export function ShapeElement({ shape }: { shape: Shape }) {
  if (shape.type === 'rect') {
    return (
      <rect
        x={shape.x}
        y={shape.y}
        width={shape.w}
        height={shape.h}
        rx={shape.rx}
        fill={shape.fill}
        stroke={shape.stroke}
        strokeWidth={shape.strokeWidth}
        strokeDasharray={shape.dash}
      />
    );
  }
  return (
    <text
      x={shape.x}
      y={shape.y}
      fontSize={shape.size}
      fontWeight={shape.weight}
      fontStyle={shape.italic ? 'italic' : undefined}
      fill={shape.fill}
      textAnchor={shape.anchor}
    >
      {shape.text}
    </text>
  );
}

export const ChartCard = memo(function ChartCard({
  box,
  text,
  palette,
  detail,
  selected,
  highlighted,
  dimmed,
  dropTarget,
  change,
  unitKind,
  toggleLabel,
  onToggle,
}: {
  box: CardBox;
  text: CardText;
  palette: ChartPalette;
  detail: Detail;
  selected: boolean;
  highlighted: boolean;
  dimmed: boolean;
  dropTarget: boolean;
  change: CardState['change'];
  unitKind: string | undefined;
  toggleLabel: string;
  onToggle(key: string): void;
}) {
  const shapes = cardShapes(
    box,
    text,
    palette,
    detail,
    { selected, highlighted, dropTarget, change },
    unitKind,
  );
  return (
    <g
      data-testid="org-card"
      data-key={box.key}
      data-parent={box.parentKey ?? undefined}
      data-selected={selected || undefined}
      data-highlighted={highlighted || undefined}
      data-dimmed={dimmed || undefined}
      data-change={change?.kind}
      opacity={dimmed ? 0.28 : 1}
      className={classes.card}
    >
      {shapes.map((shape, i) => (
        <ShapeElement key={i} shape={shape} />
      ))}
      {box.childCount > 0 && detail !== 'box' && (
        <g
          role="button"
          aria-label={toggleLabel}
          data-testid="org-toggle"
          className={classes.toggle}
          onPointerDown={(event) => event.stopPropagation()}
          onClick={(event) => {
            event.stopPropagation();
            onToggle(box.key);
          }}
        >
          <circle
            cx={box.x + box.w / 2}
            cy={box.y + box.h}
            r={9}
            fill={palette.cardFill}
            stroke={palette.line}
            strokeWidth={1.5}
          />
          <text
            x={box.x + box.w / 2}
            y={box.y + box.h + 4}
            fontSize={13}
            fontWeight={700}
            textAnchor="middle"
            fill={palette.text}
          >
            {box.collapsed ? '+' : '−'}
          </text>
          {box.collapsed && (
            <text
              x={box.x + box.w / 2 + 14}
              y={box.y + box.h + 4}
              fontSize={10}
              fill={palette.textMuted}
            >
              {box.childCount}
            </text>
          )}
        </g>
      )}
    </g>
  );
});
