import { memo, useMemo } from 'react';
import type { CardBox } from '../../core/org';
import { boxPaths, type BoxLayerPaths, type BoxState } from './box-paths';
import type { CardState } from './card-shapes';
import type { CardTexts } from './chart-model';
import type { ChartPalette } from './chart-theme';
import { ChartCard, ShapeElement } from './ChartCard';
import classes from './organigram.module.css';

/** The dimmed cards' strength under the lens, as ChartCard draws them. */
const DIMMED = 0.28;

function Layer({ part }: { part: BoxLayerPaths }) {
  return (
    <>
      {part.paths.map((path, i) => (
        <path
          key={i}
          d={path.d}
          fill={path.fill}
          stroke={path.stroke}
          strokeWidth={path.strokeWidth}
          strokeDasharray={path.dash}
        />
      ))}
      {part.texts.map((shape, i) => (
        <ShapeElement key={`t${i}`} shape={shape} />
      ))}
    </>
  );
}

/**
 * Zoomed out (detail 'box'), all cards in view as a few batched paths (see box-paths.ts)
 * rather than one React component with its own SVG group per card: at fit, a chart of 3,000
 * positions is one element per look, not ~10,000. The pointer finds its card through the
 * chart's hit test, not the DOM; the cursor still shows a hand over every card. The card
 * being dropped onto is drawn on top as a normal card, so a drag does not rebuild the paths.
 */
export const BoxLayer = memo(function BoxLayer({
  cards,
  texts,
  palette,
  unitKinds,
  lens,
  selectedKey,
  changes,
  dropTarget,
}: {
  cards: readonly CardBox[];
  texts: CardTexts;
  palette: ChartPalette;
  unitKinds: Map<number, string>;
  lens: { highlight: Set<string>; chain: Set<string> } | null;
  selectedKey: string | null;
  changes: Map<string, NonNullable<CardState['change']>> | null;
  /** The card a dragged card would be dropped onto, if any. */
  dropTarget: CardBox | null;
}) {
  const paths = useMemo(() => {
    const state: BoxState = (key) => ({
      selected: key === selectedKey,
      highlighted: lens?.highlight.has(key) ?? false,
      change: changes?.get(key),
      dimmed: lens !== null && !lens.highlight.has(key) && !lens.chain.has(key),
    });
    return boxPaths(cards, texts, palette, unitKinds, state);
  }, [cards, texts, palette, unitKinds, lens, selectedKey, changes]);
  const targetText = dropTarget ? texts.get(dropTarget.key) : undefined;
  return (
    <g data-testid="org-box-layer" className={classes.card}>
      <Layer part={paths.normal} />
      {(paths.dimmed.paths.length > 0 || paths.dimmed.texts.length > 0) && (
        <g opacity={DIMMED}>
          <Layer part={paths.dimmed} />
        </g>
      )}
      {dropTarget && targetText && (
        <ChartCard
          box={dropTarget}
          text={targetText}
          palette={palette}
          detail="box"
          selected={dropTarget.key === selectedKey}
          highlighted={lens?.highlight.has(dropTarget.key) ?? false}
          dimmed={false}
          dropTarget
          change={changes?.get(dropTarget.key)}
          unitKind={dropTarget.kind === 'unit' ? unitKinds.get(dropTarget.id) : undefined}
          toggleLabel=""
          onToggle={() => undefined}
        />
      )}
    </g>
  );
});
