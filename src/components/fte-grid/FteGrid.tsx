import '@glideapps/glide-data-grid/dist/index.css';
import {
  CompactSelection,
  DataEditor,
  GridCellKind,
  type DataEditorRef,
  type EditableGridCell,
  type FillPatternEventArgs,
  type GridCell,
  type GridColumn,
  type GridKeyEventArgs,
  type GridSelection,
  type Item,
  type ProvideEditorComponent,
  type Theme,
} from '@glideapps/glide-data-grid';
import { useComputedColorScheme, useMantineTheme } from '@mantine/core';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { FteEditor } from './FteEditor';

/** One cell as the grid shows it; `text` is what is drawn and copied (TSV, Belgian commas). */
export type FteCell = {
  text: string;
  editable: boolean;
  /** Drawn red; `reason` tells why (shown on hover). */
  breach?: string;
  bold?: boolean;
};

/** One value written from the grid: a typed edit, a paste, a fill or a clear. */
export type FteWrite = { col: number; row: number; text: string };
export type FteWriteKind = 'edit' | 'paste' | 'fill' | 'clear';

export type FteGridProps = {
  /** Column titles; column 0 is the frozen label column. */
  columns: { id: string; title: string; width: number }[];
  rows: number;
  cell: (col: number, row: number) => FteCell;
  /** All writes of one user action, as one call (one undo step). */
  onWrite: (writes: FteWrite[], kind: FteWriteKind) => void;
  /** Click on the label column (expand/collapse a group). */
  onLabelClick?: (row: number) => void;
  /** Index of the frozen totals row at the bottom, if any (counted in `rows`). */
  trailingTotals?: boolean;
  height: number;
  /** Accessible name of the grid. */
  label: string;
  /** Checks typed text; returns a message when it is not a valid value. */
  validate: (text: string) => string | null;
  footer?: ReactNode;
};

/**
 * The planning grid's adapter over Glide Data Grid (canvas, MIT): keyboard navigation, type
 * to edit with our own nl-BE editor, Enter/Tab, range selection, copy as TSV, paste of a block
 * from Excel, the fill handle and Ctrl+R. Every multi-cell action reaches `onWrite` once, so
 * it is one undo step. Screens use only this component: the library can be swapped here.
 */
export function FteGrid(props: FteGridProps) {
  const { columns, rows, cell, onWrite, onLabelClick, trailingTotals, height, label, validate } =
    props;
  const ref = useRef<DataEditorRef>(null);
  const portal = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<GridSelection>({
    columns: CompactSelection.empty(),
    rows: CompactSelection.empty(),
  });
  const [hover, setHover] = useState<{ x: number; y: number; text: string } | null>(null);
  const scheme = useComputedColorScheme('light');
  const mantine = useMantineTheme();

  const theme = useMemo<Partial<Theme>>(() => {
    const dark = scheme === 'dark';
    return {
      fontFamily: mantine.fontFamily ?? 'sans-serif',
      baseFontStyle: '13px',
      headerFontStyle: '600 13px',
      accentColor: mantine.colors.blue[dark ? 4 : 7],
      accentLight: dark ? 'rgba(77, 171, 247, 0.18)' : 'rgba(34, 139, 230, 0.12)',
      textDark: dark ? mantine.colors.dark[0] : mantine.colors.gray[9],
      textMedium: dark ? mantine.colors.dark[1] : mantine.colors.gray[7],
      textLight: dark ? mantine.colors.dark[2] : mantine.colors.gray[7],
      textHeader: dark ? mantine.colors.dark[0] : mantine.colors.gray[8],
      bgCell: dark ? mantine.colors.dark[7] : '#ffffff',
      bgCellMedium: dark ? mantine.colors.dark[6] : mantine.colors.gray[0],
      bgHeader: dark ? mantine.colors.dark[6] : mantine.colors.gray[1],
      bgHeaderHasFocus: dark ? mantine.colors.dark[5] : mantine.colors.gray[2],
      bgHeaderHovered: dark ? mantine.colors.dark[5] : mantine.colors.gray[2],
      borderColor: dark ? mantine.colors.dark[4] : mantine.colors.gray[3],
      horizontalBorderColor: dark ? mantine.colors.dark[5] : mantine.colors.gray[2],
      bgSearchResult: mantine.colors.yellow[2],
    };
  }, [scheme, mantine]);
  const breachTheme = useMemo<Partial<Theme>>(
    () =>
      scheme === 'dark'
        ? { bgCell: '#5c1f24', textDark: '#ffd8d8' }
        : { bgCell: '#ffe3e3', textDark: '#a51111' },
    [scheme],
  );
  const groupTheme = useMemo<Partial<Theme>>(
    () => ({
      bgCell: scheme === 'dark' ? mantine.colors.dark[6] : mantine.colors.gray[0],
      baseFontStyle: '600 13px',
    }),
    [scheme, mantine],
  );

  // One editor component for the grid's lifetime: a new component per render would remount the
  // editor and lose what was typed. The latest `validate` is read through a ref.
  const validateRef = useRef(validate);
  validateRef.current = validate;
  const provideEditor = useMemo(() => {
    const Editor: ProvideEditorComponent<GridCell> = (editorProps) => (
      <FteEditor {...editorProps} validate={(text) => validateRef.current(text)} />
    );
    const result = { editor: Editor, disablePadding: true };
    return () => result;
  }, []);

  const getCellContent = useCallback(
    ([col, row]: Item): GridCell => {
      const value = cell(col, row);
      return {
        kind: GridCellKind.Text,
        data: value.text,
        displayData: value.text,
        allowOverlay: value.editable,
        readonly: !value.editable,
        contentAlign: col === 0 ? 'left' : 'right',
        themeOverride: value.breach
          ? { ...(value.bold ? groupTheme : {}), ...breachTheme }
          : value.bold
            ? groupTheme
            : undefined,
      };
    },
    [cell, breachTheme, groupTheme],
  );

  const gridColumns = useMemo<GridColumn[]>(
    () => columns.map((column) => ({ id: column.id, title: column.title, width: column.width })),
    [columns],
  );

  const editableAt = useCallback(
    (col: number, row: number) =>
      col > 0 && col < columns.length && row >= 0 && row < rows && cell(col, row).editable,
    [cell, columns.length, rows],
  );

  const onPaste = useCallback(
    (target: Item, values: readonly (readonly string[])[]) => {
      // Rows of the block go to the next editable rows in order: a block copied from a flat
      // sheet lands on the plan lines and skips the group and subtotal rows between them.
      const writes: FteWrite[] = [];
      let row = target[1];
      for (const line of values) {
        while (row < rows && !editableAt(target[0], row)) row++;
        if (row >= rows) break;
        line.forEach((text, c) => {
          const col = target[0] + c;
          if (editableAt(col, row)) writes.push({ col, row, text });
        });
        row++;
      }
      if (writes.length > 0) onWrite(writes, 'paste');
      return false;
    },
    [editableAt, onWrite, rows],
  );

  const fill = useCallback(
    (
      source: { x: number; y: number; width: number; height: number },
      target: { x: number; y: number; width: number; height: number },
    ) => {
      const writes: FteWrite[] = [];
      for (let row = target.y; row < target.y + target.height; row++) {
        for (let col = target.x; col < target.x + target.width; col++) {
          if (
            col >= source.x &&
            col < source.x + source.width &&
            row >= source.y &&
            row < source.y + source.height
          )
            continue;
          if (!editableAt(col, row)) continue;
          const from = cell(
            source.x + ((((col - source.x) % source.width) + source.width) % source.width),
            source.y + ((((row - source.y) % source.height) + source.height) % source.height),
          );
          writes.push({ col, row, text: from.text });
        }
      }
      if (writes.length > 0) onWrite(writes, 'fill');
    },
    [cell, editableAt, onWrite],
  );

  const onFillPattern = useCallback(
    (event: FillPatternEventArgs) => {
      event.preventDefault();
      fill(event.patternSource, event.fillDestination);
    },
    [fill],
  );

  const onKeyDown = useCallback(
    (event: GridKeyEventArgs) => {
      const range = selection.current?.range;
      if (!range) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'r') {
        // Ctrl+R: Excel's fill right. One column selected: copy from its left neighbour.
        event.preventDefault();
        event.cancel();
        if (range.width === 1) {
          if (range.x <= 1) return;
          fill({ x: range.x - 1, y: range.y, width: 1, height: range.height }, range);
        } else {
          fill({ x: range.x, y: range.y, width: 1, height: range.height }, range);
        }
      }
    },
    [fill, selection],
  );

  const onDelete = useCallback(
    (deleted: GridSelection) => {
      const range = deleted.current?.range;
      if (!range) return false;
      const writes: FteWrite[] = [];
      for (let row = range.y; row < range.y + range.height; row++)
        for (let col = range.x; col < range.x + range.width; col++)
          if (editableAt(col, row)) writes.push({ col, row, text: '' });
      if (writes.length > 0) onWrite(writes, 'clear');
      return false;
    },
    [editableAt, onWrite],
  );

  const onCellsEdited = useCallback(
    (edits: readonly { location: Item; value: EditableGridCell }[]) => {
      const writes = edits
        .filter((edit) => editableAt(edit.location[0], edit.location[1]))
        .map((edit) => ({
          col: edit.location[0],
          row: edit.location[1],
          text: edit.value.kind === GridCellKind.Text ? edit.value.data : '',
        }));
      if (writes.length > 0) onWrite(writes, 'edit');
      return true;
    },
    [editableAt, onWrite],
  );

  return (
    <div
      style={{ position: 'relative' }}
      data-testid="fte-grid"
      role="region"
      aria-label={label}
      onMouseLeave={() => setHover(null)}
    >
      <DataEditor
        ref={ref}
        columns={gridColumns}
        rows={rows}
        getCellContent={getCellContent}
        getCellsForSelection
        onCellsEdited={onCellsEdited}
        onPaste={onPaste}
        fillHandle
        onFillPattern={onFillPattern}
        onDelete={onDelete}
        onKeyDown={onKeyDown}
        gridSelection={selection}
        onGridSelectionChange={setSelection}
        freezeColumns={1}
        freezeTrailingRows={trailingTotals ? 1 : 0}
        rowMarkers="none"
        smoothScrollX
        smoothScrollY
        width="100%"
        height={height}
        theme={theme}
        rowHeight={30}
        headerHeight={34}
        keybindings={{ rightFill: false, downFill: false, search: false }}
        portalElementRef={portal as React.RefObject<HTMLElement>}
        provideEditor={provideEditor}
        onCellClicked={(item) => {
          if (item[0] === 0) onLabelClick?.(item[1]);
        }}
        onItemHovered={(args) => {
          if (args.kind !== 'cell') return setHover(null);
          const [col, row] = args.location;
          const value = col >= 0 && row >= 0 && row < rows ? cell(col, row) : null;
          if (!value?.breach) return setHover(null);
          setHover({ x: args.bounds.x, y: args.bounds.y + args.bounds.height, text: value.breach });
        }}
      />
      <div ref={portal} style={{ position: 'fixed', left: 0, top: 0, zIndex: 9999 }} />
      {hover && (
        <div
          role="tooltip"
          data-testid="fte-grid-tooltip"
          style={{
            position: 'fixed',
            left: hover.x,
            top: hover.y + 4,
            zIndex: 500,
            maxWidth: 360,
            padding: '6px 10px',
            borderRadius: 4,
            fontSize: 13,
            background: scheme === 'dark' ? mantine.colors.dark[4] : mantine.colors.gray[9],
            color: '#fff',
            pointerEvents: 'none',
          }}
        >
          {hover.text}
        </div>
      )}
      {props.footer}
    </div>
  );
}
