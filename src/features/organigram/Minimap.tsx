import {
  forwardRef,
  memo,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import type { ChartLayout } from '../../core/org';
import type { ChartPalette } from './chart-theme';
import classes from './organigram.module.css';

/** The part of the chart the viewport shows, in chart coordinates. */
export type ViewWindow = { x0: number; y0: number; x1: number; y1: number };

export type MinimapHandle = { update(view: ViewWindow): void };

const MAX_W = 200;
const MAX_H = 130;

/** The whole chart as one path of boxes: thousands of cards stay one DOM element. */
const Overview = memo(function Overview({
  layout,
  palette,
}: {
  layout: ChartLayout;
  palette: ChartPalette;
}) {
  const d = useMemo(() => {
    let path = '';
    for (const c of layout.cards)
      path += `M${Math.round(c.x)} ${Math.round(c.y)}h${Math.round(c.w)}v${Math.round(c.h)}h${-Math.round(c.w)}z`;
    return path;
  }, [layout]);
  return <path d={d} fill={palette.line} opacity={0.55} />;
});

/**
 * A small map of the whole chart with the visible part framed; click or drag in it to move
 * there. It re-renders only its frame (the chart calls `update` on every pan/zoom), never the
 * chart, so a 3,000-position tree stays smooth.
 */
export const Minimap = forwardRef<
  MinimapHandle,
  { layout: ChartLayout; palette: ChartPalette; label: string; onMove(x: number, y: number): void }
>(function Minimap({ layout, palette, label, onMove }, ref) {
  const [view, setView] = useState<ViewWindow | null>(null);
  useImperativeHandle(ref, () => ({ update: setView }), []);
  const svgRef = useRef<SVGSVGElement>(null);
  const scale = Math.min(MAX_W / layout.width, MAX_H / layout.height);
  const w = Math.max(40, layout.width * scale);
  const h = Math.max(30, layout.height * scale);
  const dragging = useRef(false);

  const moveTo = (event: ReactPointerEvent<SVGSVGElement>) => {
    const rect = svgRef.current!.getBoundingClientRect();
    onMove((event.clientX - rect.left) / scale, (event.clientY - rect.top) / scale);
  };

  return (
    <div
      className={classes.minimap}
      style={{ background: palette.background, borderColor: palette.cardStroke }}
      data-testid="org-minimap"
      // The chart pans on pointer-down; the minimap's own gestures must not reach it.
      onPointerDown={(event) => event.stopPropagation()}
      onWheel={(event) => event.stopPropagation()}
    >
      <svg
        ref={svgRef}
        width={w}
        height={h}
        role="img"
        aria-label={label}
        onPointerDown={(event) => {
          dragging.current = true;
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event);
        }}
        onPointerMove={(event) => dragging.current && moveTo(event)}
        onPointerUp={() => {
          dragging.current = false;
        }}
      >
        <g transform={`scale(${scale})`}>
          <Overview layout={layout} palette={palette} />
          {view && (
            <rect
              data-testid="org-minimap-view"
              x={Math.max(0, view.x0)}
              y={Math.max(0, view.y0)}
              width={Math.max(4 / scale, Math.min(layout.width, view.x1) - Math.max(0, view.x0))}
              height={Math.max(4 / scale, Math.min(layout.height, view.y1) - Math.max(0, view.y0))}
              fill={palette.selected}
              fillOpacity={0.12}
              stroke={palette.selected}
              strokeWidth={2 / scale}
            />
          )}
        </g>
      </svg>
    </div>
  );
});
