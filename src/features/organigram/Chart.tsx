import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import type { CardBox, ChartLayout } from '../../core/org';
import { BoxLayer } from './box-layer';
import { linkPath, polylinePath, type CardState, type Detail } from './card-shapes';
import { ChartCard } from './ChartCard';
import type { CardTexts } from './chart-model';
import type { ChartPalette } from './chart-theme';
import { CHART_FONT } from './chart-theme';
import { cardAt, indexCards, type CardIndex } from './hit-test';
import { Minimap, type MinimapHandle } from './Minimap';
import classes from './organigram.module.css';

export type ChartLink = { id: number; from: CardBox; to: CardBox; label: string };

export type ChartHandle = {
  fit(): void;
  /** The opening view: the whole chart if it is readable that way, else its top, readable. */
  home(): void;
  zoomBy(factor: number): void;
  centerOn(key: string): void;
  /** The current transform, for tests and the minimap. */
  view(): { x: number; y: number; k: number };
};

type Props = {
  layout: ChartLayout;
  texts: CardTexts;
  palette: ChartPalette;
  unitKinds: Map<number, string>;
  /** null: the lens is off. */
  lens: { highlight: Set<string>; chain: Set<string> } | null;
  links: ChartLink[];
  selectedKey: string | null;
  /** Compare mode: the changed cards, by key; null when not comparing. */
  changes: Map<string, NonNullable<CardState['change']>> | null;
  onSelect(key: string | null): void;
  onToggle(key: string): void;
  onDrop(dragged: string, target: string): void;
  labels: { expand: string; collapse: string; chart: string; minimap: string };
};

type Window = { x0: number; y0: number; x1: number; y1: number; k: number };

const MIN_K = 0.02;
const MAX_K = 2.5;
/** The zoom the chart opens at when fitting would make the cards unreadable. */
const READABLE_K = 0.75;

/** Level of detail for a zoom level: small cards only show their title or their box. */
export function detailFor(k: number): Detail {
  if (k >= 0.5) return 'full';
  if (k >= 0.22) return 'title';
  return 'box';
}

/**
 * The organigram drawn as plain SVG inside a CSS-transformed container: panning and zooming
 * change one CSS transform (no React render per frame); the cards outside the visible window
 * (plus a margin) are not rendered at all, and zoomed out, cards draw fewer details.
 */
export const Chart = forwardRef<ChartHandle, Props>(function Chart(props, ref) {
  const {
    layout,
    texts,
    palette,
    unitKinds,
    lens,
    links,
    selectedKey,
    changes,
    onSelect,
    onToggle,
    onDrop,
  } = props;
  const minimap = useRef<MinimapHandle>(null);
  const viewportRef = useRef<HTMLDivElement>(null);
  const planeRef = useRef<HTMLDivElement>(null);
  const transform = useRef({ x: 0, y: 0, k: 1 });
  /** Nothing is drawn until the first layout is placed (home): no cards for a view never seen. */
  const [win, setWin] = useState<Window>({ x0: 0, y0: 0, x1: -1, y1: -1, k: 1 });
  const winRef = useRef(win);
  /**
   * The viewport's size, as the ResizeObserver last saw it (read there, after layout, for
   * free); before its first report, read once from the element.
   */
  const sizeRef = useRef<{ w: number; h: number } | null>(null);
  const viewSize = useCallback(() => {
    if (sizeRef.current) return sizeRef.current;
    const viewport = viewportRef.current;
    return { w: viewport?.clientWidth || 1200, h: viewport?.clientHeight || 800 };
  }, []);
  const [drag, setDrag] = useState<{
    key: string;
    x: number;
    y: number;
    target: string | null;
  } | null>(null);

  /** Re-renders only when the view leaves the rendered window or the detail level changes. */
  const syncWindow = useCallback(() => {
    if (!viewportRef.current) return;
    const { x, y, k } = transform.current;
    const { w: vw, h: vh } = viewSize();
    const view = { x0: -x / k, y0: -y / k, x1: (vw - x) / k, y1: (vh - y) / k };
    const current = winRef.current;
    const inside =
      view.x0 >= current.x0 &&
      view.y0 >= current.y0 &&
      view.x1 <= current.x1 &&
      view.y1 <= current.y1;
    if (inside && detailFor(current.k) === detailFor(k)) return;
    const mx = (view.x1 - view.x0) * 0.6;
    const my = (view.y1 - view.y0) * 0.6;
    const next = { x0: view.x0 - mx, y0: view.y0 - my, x1: view.x1 + mx, y1: view.y1 + my, k };
    winRef.current = next;
    setWin(next);
  }, [viewSize]);

  const apply = useCallback(() => {
    const plane = planeRef.current;
    if (!plane) return;
    const { x, y, k } = transform.current;
    plane.style.transform = `translate(${x}px, ${y}px) scale(${k})`;
    plane.dataset.scale = String(Math.round(k * 1000) / 1000);
    if (viewportRef.current) {
      const { w: vw, h: vh } = viewSize();
      minimap.current?.update({ x0: -x / k, y0: -y / k, x1: (vw - x) / k, y1: (vh - y) / k });
    }
    syncWindow();
  }, [syncWindow, viewSize]);

  const fit = useCallback(() => {
    if (!viewportRef.current) return;
    const { w: vw, h: vh } = viewSize();
    const k = Math.max(MIN_K, Math.min(1, (vw - 24) / layout.width, (vh - 24) / layout.height));
    transform.current = {
      k,
      x: (vw - layout.width * k) / 2,
      y: Math.max(12, (vh - layout.height * k) / 2),
    };
    apply();
  }, [apply, viewSize, layout.width, layout.height]);

  const home = useCallback(() => {
    if (!viewportRef.current) return;
    const { w: vw, h: vh } = viewSize();
    const fitK = Math.min(1, (vw - 24) / layout.width, (vh - 24) / layout.height);
    const top = layout.cards.find((card) => card.parentKey === null);
    if (fitK >= 0.5 || !top) {
      fit();
      return;
    }
    transform.current = {
      k: READABLE_K,
      x: vw / 2 - (top.x + top.w / 2) * READABLE_K,
      y: 16 - (top.y - 12) * READABLE_K,
    };
    apply();
  }, [apply, fit, viewSize, layout]);

  /** Centres the view on a point of the chart, keeping the zoom (the minimap's click). */
  const moveTo = useCallback(
    (cx: number, cy: number) => {
      if (!viewportRef.current) return;
      const { w, h } = viewSize();
      const { k } = transform.current;
      transform.current = { k, x: w / 2 - cx * k, y: h / 2 - cy * k };
      apply();
    },
    [apply, viewSize],
  );

  const zoomAt = useCallback(
    (factor: number, cx: number, cy: number) => {
      const t = transform.current;
      const k = Math.min(MAX_K, Math.max(MIN_K, t.k * factor));
      transform.current = { k, x: cx - ((cx - t.x) * k) / t.k, y: cy - ((cy - t.y) * k) / t.k };
      apply();
    },
    [apply],
  );

  const centerOn = useCallback(
    (key: string) => {
      const box = layout.byKey.get(key);
      if (!viewportRef.current || !box) return;
      const { w, h } = viewSize();
      const k = Math.max(transform.current.k, 0.8);
      transform.current = {
        k,
        x: w / 2 - (box.x + box.w / 2) * k,
        y: h / 2 - (box.y + box.h / 2) * k,
      };
      apply();
    },
    [apply, viewSize, layout.byKey],
  );

  useImperativeHandle(
    ref,
    () => ({
      fit,
      home,
      zoomBy: (factor) => {
        const { w, h } = viewSize();
        zoomAt(factor, w / 2, h / 2);
      },
      centerOn,
      view: () => ({ ...transform.current }),
    }),
    [fit, home, zoomAt, centerOn, viewSize],
  );

  // The first layout opens readable (home); later ones (collapse, edits) keep the view. Before
  // the first paint (a layout effect): the cards of the home view are drawn in the same task,
  // never a frame of the chart's top-left corner first.
  const placed = useRef(false);
  useLayoutEffect(() => {
    if (!placed.current && layout.cards.length > 0) {
      placed.current = true;
      home();
    } else apply();
  }, [layout, home, apply]);

  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = viewport.getBoundingClientRect();
      zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX - rect.left, event.clientY - rect.top);
    };
    viewport.addEventListener('wheel', onWheel, { passive: false });
    const observer = new ResizeObserver(() => {
      sizeRef.current = { w: viewport.clientWidth || 1200, h: viewport.clientHeight || 800 };
      syncWindow();
    });
    observer.observe(viewport);
    return () => {
      viewport.removeEventListener('wheel', onWheel);
      observer.disconnect();
    };
  }, [zoomAt, syncWindow]);

  const toChart = (clientX: number, clientY: number) => {
    const rect = viewportRef.current!.getBoundingClientRect();
    const { x, y, k } = transform.current;
    return { x: (clientX - rect.left - x) / k, y: (clientY - rect.top - y) / k };
  };
  // Built at the first pointer event on a layout, not with it: the first render needs none.
  const cardIndex = useRef<{ cards: CardBox[]; index: CardIndex } | null>(null);
  const hit = (px: number, py: number): string | null => {
    if (cardIndex.current?.cards !== layout.cards)
      cardIndex.current = { cards: layout.cards, index: indexCards(layout.cards) };
    return cardAt(cardIndex.current.index, px, py)?.key ?? null;
  };

  const gesture = useRef<{
    kind: 'pan' | 'card';
    key: string | null;
    startX: number;
    startY: number;
    x: number;
    y: number;
    moved: boolean;
  } | null>(null);

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const point = toChart(event.clientX, event.clientY);
    const key = hit(point.x, point.y);
    gesture.current = {
      kind: key ? 'card' : 'pan',
      key,
      startX: event.clientX,
      startY: event.clientY,
      x: transform.current.x,
      y: transform.current.y,
      moved: false,
    };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const g = gesture.current;
    if (!g) return;
    const dx = event.clientX - g.startX;
    const dy = event.clientY - g.startY;
    if (!g.moved && Math.hypot(dx, dy) < 5) return;
    g.moved = true;
    if (g.kind === 'pan') {
      transform.current = { ...transform.current, x: g.x + dx, y: g.y + dy };
      apply();
      return;
    }
    const point = toChart(event.clientX, event.clientY);
    const target = hit(point.x, point.y);
    setDrag({ key: g.key!, x: point.x, y: point.y, target: target === g.key ? null : target });
  };
  const onPointerUp = () => {
    const g = gesture.current;
    gesture.current = null;
    if (!g) return;
    if (!g.moved) {
      onSelect(g.key);
      return;
    }
    if (g.kind === 'card' && drag) {
      setDrag(null);
      if (drag.target) onDrop(drag.key, drag.target);
    }
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const step = 60;
    const t = transform.current;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      transform.current = { ...t, x: t.x + move[0], y: t.y + move[1] };
      apply();
    } else if (event.key === '+' || event.key === '=') zoomAt(1.25, 300, 200);
    else if (event.key === '-') zoomAt(0.8, 300, 200);
  };

  const detail = detailFor(win.k);
  const visible = useMemo(() => {
    const inWin = layout.cards.filter(
      (c) => c.x + c.w >= win.x0 && c.x <= win.x1 && c.y + c.h >= win.y0 && c.y <= win.y1,
    );
    // All of them (zoomed out): the same array, so the batched boxes are not rebuilt.
    return inWin.length === layout.cards.length ? layout.cards : inWin;
  }, [layout.cards, win]);
  const edgePaths = useMemo(() => {
    const inWin = (p: [number, number][]) =>
      p.some(([px, py]) => px >= win.x0 && px <= win.x1 && py >= win.y0 && py <= win.y1);
    const pick = (kind: 'structure' | 'reporting') =>
      polylinePath(
        layout.edges.filter((e) => e.kind === kind && inWin(e.points)).map((e) => e.points),
      );
    return { structure: pick('structure'), reporting: pick('reporting') };
  }, [layout.edges, win]);

  const dim = (key: string) => lens !== null && !lens.highlight.has(key) && !lens.chain.has(key);

  return (
    <div
      ref={viewportRef}
      className={classes.viewport}
      style={{ background: palette.background }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        gesture.current = null;
        setDrag(null);
      }}
      onKeyDown={onKeyDown}
      tabIndex={0}
      role="region"
      aria-label={props.labels.chart}
      data-testid="org-chart"
      data-cards={layout.cards.length}
      data-rendered={visible.length}
      data-detail={detail}
    >
      <div ref={planeRef} className={classes.plane} data-testid="org-plane">
        <svg
          width={layout.width}
          height={layout.height + 300}
          fontFamily={CHART_FONT}
          style={{ overflow: 'visible' }}
        >
          <path d={edgePaths.structure} fill="none" stroke={palette.line} strokeWidth={2} />
          <path d={edgePaths.reporting} fill="none" stroke={palette.line} strokeWidth={1.25} />
          {links.map((link) => {
            const { d, mid } = linkPath(link.from, link.to);
            return (
              <g key={link.id} data-testid="org-link" pointerEvents="none">
                <path
                  d={d}
                  fill="none"
                  stroke={palette.link}
                  strokeWidth={1.5}
                  strokeDasharray="2 4"
                  strokeLinecap="round"
                />
                {detail === 'full' && (
                  <text
                    x={mid[0]}
                    y={mid[1]}
                    fontSize={10}
                    fill={palette.linkText}
                    textAnchor="middle"
                  >
                    {link.label}
                  </text>
                )}
              </g>
            );
          })}
          {detail === 'box' ? (
            <BoxLayer
              cards={visible}
              texts={texts}
              palette={palette}
              unitKinds={unitKinds}
              lens={lens}
              selectedKey={selectedKey}
              changes={changes}
              dropTarget={drag?.target ? (layout.byKey.get(drag.target) ?? null) : null}
            />
          ) : (
            visible.map((box) => {
              const text = texts.get(box.key);
              if (!text) return null;
              return (
                <ChartCard
                  key={box.key}
                  box={box}
                  text={text}
                  palette={palette}
                  detail={detail}
                  selected={box.key === selectedKey}
                  highlighted={lens?.highlight.has(box.key) ?? false}
                  dimmed={dim(box.key)}
                  dropTarget={drag?.target === box.key}
                  change={changes?.get(box.key)}
                  unitKind={box.kind === 'unit' ? unitKinds.get(box.id) : undefined}
                  toggleLabel={`${box.collapsed ? props.labels.expand : props.labels.collapse}: ${text.lines.join(' ')}`}
                  onToggle={onToggle}
                />
              );
            })
          )}
          {drag && (
            <rect
              x={drag.x - 60}
              y={drag.y - 20}
              width={120}
              height={40}
              rx={6}
              fill={palette.selected}
              opacity={0.35}
              pointerEvents="none"
              data-testid="org-drag-ghost"
            />
          )}
        </svg>
      </div>
      <Minimap
        ref={minimap}
        layout={layout}
        palette={palette}
        label={props.labels.minimap}
        onMove={moveTo}
      />
    </div>
  );
});
