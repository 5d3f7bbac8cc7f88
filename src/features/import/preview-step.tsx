import {
  Badge,
  Box,
  Button,
  Group,
  LoadingOverlay,
  Menu,
  NumberInput,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronDown, IconInfoCircle, IconRestore } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, LayoutOverrides } from '../../core/import/api-types';
import type { CellValue, ColumnLayout, ColumnType } from '../../core/import/types';
import { NUMERIC_TYPES, useFormatters } from './format';
import { columnLetter, effectiveLayout, rowRole, type RowRole } from './wizard-state';
import classes from './import.module.css';

export const COLUMN_TYPES: readonly ColumnType[] = [
  'text',
  'integer',
  'decimal',
  'percent',
  'currency',
  'date',
  'boolean',
  'nis_code',
];

export const TYPE_COLORS: Record<ColumnType, string> = {
  text: 'gray',
  integer: 'blue',
  decimal: 'cyan',
  percent: 'teal',
  currency: 'green',
  date: 'orange',
  boolean: 'violet',
  nis_code: 'grape',
};

/** Columns past this are left out of the grid (still imported); nobody reads 200 columns here. */
const MAX_COLUMNS = 60;

export type PreviewStepProps = {
  preview: ImportPreview;
  overrides: LayoutOverrides;
  loading: boolean;
  onOverrides: (overrides: LayoutOverrides) => void;
};

const ROLE_CLASS: Record<RowRole, string | undefined> = {
  title: classes.title,
  header: classes.header,
  data: undefined,
  footer: classes.footer,
};

function TypeBadge({
  column,
  type,
  overridden,
  onChange,
}: {
  column: ColumnLayout;
  type: ColumnType;
  overridden: boolean;
  onChange: (type: ColumnType) => void;
}) {
  const { t } = useTranslation('import');
  return (
    <Menu position="bottom-start" withinPortal shadow="md">
      <Menu.Target>
        <UnstyledButton
          aria-label={t('preview.columnType', { column: columnLetter(column.index) })}
          data-testid={`import-type-${column.index}`}
        >
          <Badge
            size="sm"
            variant={overridden ? 'filled' : 'light'}
            color={TYPE_COLORS[type]}
            rightSection={<IconChevronDown size={10} />}
            style={{ cursor: 'pointer', textTransform: 'none' }}
          >
            {t(`types.${type}`)}
          </Badge>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {COLUMN_TYPES.map((option) => (
          <Menu.Item
            key={option}
            onClick={() => onChange(option)}
            leftSection={
              <Badge size="xs" circle color={TYPE_COLORS[option]} variant="filled">
                {' '}
              </Badge>
            }
            fw={option === type ? 700 : undefined}
          >
            {t(`types.${option}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function isNumeric(cell: CellValue): boolean {
  return typeof cell === 'number';
}

/** A warning's text colour that passes contrast (axe, WCAG AA) in light and dark. */
const WARN_TEXT = 'light-dark(#9c3d00, var(--mantine-color-orange-3))';
/**
 * How the detector read the sheet, in words: where the data ends (and a button to read on to
 * the sheet's last row when totals or notes stopped it), no header, and how numbers are read
 * in columns where that is not the Belgian default or was a guess.
 */
function PreviewNotes({
  preview,
  overrides,
  onOverrides,
}: Pick<PreviewStepProps, 'preview' | 'overrides' | 'onOverrides'>) {
  const { t } = useTranslation('import');
  const fmt = useFormatters();
  const detected = preview.layout;
  const last = fmt.count(preview.totalRows);
  const lines: { key: string; text: string; warn?: boolean }[] = [];
  if (detected.headerRows === 0 && overrides.headerRow === undefined)
    lines.push({ key: 'header', text: t('preview.noHeader') });
  const ownEnd = overrides.lastDataRow !== undefined;
  if (!ownEnd && detected.end)
    lines.push({
      key: 'end',
      text: t(detected.end.reason === 'total' ? 'preview.endTotal' : 'preview.endNotes', {
        row: fmt.count(detected.end.row + 1),
      }),
      warn: true,
    });
  else if (!ownEnd && detected.lastDataRow >= preview.totalRows - 1)
    lines.push({ key: 'end', text: t('preview.endSheet', { last }) });
  for (const column of detected.columns) {
    const values = { column: columnLetter(column.index), header: column.header || column.name };
    if (column.numberStyleGuessed)
      lines.push({ key: `n${column.index}`, text: t('preview.numberGuess', values), warn: true });
    else if (column.numberStyle === 'dot')
      lines.push({ key: `n${column.index}`, text: t('preview.numberDot', values) });
  }
  if (lines.length === 0) return null;
  return (
    <Stack gap={4} data-testid="import-preview-notes">
      {lines.map((line) => (
        <Text key={line.key} size="sm" c={line.warn ? WARN_TEXT : undefined}>
          {line.text}
        </Text>
      ))}
      {!ownEnd && detected.end && (
        <Group>
          <Button
            size="xs"
            variant="light"
            onClick={() => onOverrides({ ...overrides, lastDataRow: preview.totalRows - 1 })}
            data-testid="import-extend-range"
          >
            {t('preview.extendRange', { last })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function PreviewStep({ preview, overrides, loading, onOverrides }: PreviewStepProps) {
  const { t } = useTranslation('import');
  const fmt = useFormatters();
  const layout = effectiveLayout(preview, overrides);
  const overridden =
    overrides.headerRow !== undefined ||
    overrides.headerRows !== undefined ||
    overrides.firstDataRow !== undefined ||
    overrides.lastDataRow !== undefined ||
    Object.keys(overrides.columnTypes ?? {}).length > 0;

  const columnsByIndex = useMemo(
    () => new Map(preview.layout.columns.map((c) => [c.index, c])),
    [preview.layout.columns],
  );
  const columnCount = useMemo(() => {
    let width = 0;
    for (const row of preview.rows) width = Math.max(width, row.length);
    for (const column of preview.layout.columns) width = Math.max(width, column.index + 1);
    return Math.min(width, MAX_COLUMNS);
  }, [preview.rows, preview.layout.columns]);
  const indices = Array.from({ length: columnCount }, (_, i) => i);

  const dataCount = Math.max(0, layout.lastDataRow - layout.firstDataRow + 1);
  const rangeValid =
    layout.firstDataRow >= layout.headerRow + layout.headerRows &&
    layout.lastDataRow >= layout.firstDataRow - 1;

  // Number inputs speak Excel's 1-based rows; the layout is 0-based.
  const setRow = (key: 'headerRow' | 'firstDataRow' | 'lastDataRow', value: number | string) => {
    const n = typeof value === 'number' ? value : Number.parseInt(value, 10);
    if (!Number.isFinite(n) || n < 1) return;
    const next: LayoutOverrides = { ...overrides, [key]: n - 1 };
    if (key === 'headerRow') {
      // A new header drags the data start along unless the user placed it after the header.
      const headerEnd = n - 1 + (next.headerRows ?? layout.headerRows);
      if (next.firstDataRow === undefined || next.firstDataRow < headerEnd) {
        next.firstDataRow = headerEnd;
      }
    }
    onOverrides(next);
  };
  const setHeaderRows = (value: number | string) => {
    const n = typeof value === 'number' ? value : Number.parseInt(value, 10);
    if (!Number.isFinite(n) || n < 1 || n > 5) return;
    const headerEnd = layout.headerRow + n;
    onOverrides({
      ...overrides,
      headerRows: n,
      firstDataRow: Math.max(headerEnd, overrides.firstDataRow ?? layout.firstDataRow),
    });
  };
  const takeAsHeader = (row: number) => {
    onOverrides({
      ...overrides,
      headerRow: row,
      firstDataRow: row + (overrides.headerRows ?? layout.headerRows),
      lastDataRow: overrides.lastDataRow,
    });
  };
  const setType = (index: number, type: ColumnType) => {
    const detected = columnsByIndex.get(index)?.type;
    const columnTypes = { ...overrides.columnTypes };
    if (type === detected && overrides.columnTypes?.[index] === undefined) return;
    columnTypes[index] = type;
    onOverrides({ ...overrides, columnTypes });
  };

  const summaryValues = {
    header: fmt.count(layout.headerRow + 1),
    count: dataCount,
    n: fmt.count(dataCount),
    first: fmt.count(layout.firstDataRow + 1),
    last: fmt.count(layout.lastDataRow + 1),
  };
  const summary =
    dataCount === 0
      ? t('preview.summaryNoData', summaryValues)
      : overridden
        ? t('preview.summaryOverridden', summaryValues)
        : t('preview.summary', summaryValues);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Group gap="xs">
          <IconInfoCircle size={20} color="var(--mantine-color-blue-filled)" />
          <Text fw={600} data-testid="import-preview-summary">
            {summary}
          </Text>
          {overridden && (
            <Badge variant="light" color="orange">
              {t('preview.overridden')}
            </Badge>
          )}
        </Group>
        {overridden && (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconRestore size={14} />}
            onClick={() => onOverrides({})}
          >
            {t('preview.resetDetection')}
          </Button>
        )}
      </Group>

      <PreviewNotes preview={preview} overrides={overrides} onOverrides={onOverrides} />

      <Group gap="md" align="flex-end" wrap="wrap">
        <NumberInput
          label={t('preview.headerRow')}
          value={layout.headerRow + 1}
          min={1}
          max={Math.max(1, preview.totalRows)}
          onChange={(v) => setRow('headerRow', v)}
          w={130}
          size="xs"
          thousandSeparator="."
          decimalSeparator=","
        />
        <NumberInput
          label={t('preview.headerRows')}
          value={layout.headerRows}
          min={1}
          max={5}
          onChange={setHeaderRows}
          w={130}
          size="xs"
        />
        <NumberInput
          label={t('preview.firstDataRow')}
          value={layout.firstDataRow + 1}
          min={1}
          max={Math.max(1, preview.totalRows)}
          onChange={(v) => setRow('firstDataRow', v)}
          w={150}
          size="xs"
          thousandSeparator="."
          decimalSeparator=","
        />
        <NumberInput
          label={t('preview.lastDataRow')}
          value={layout.lastDataRow + 1}
          min={1}
          max={Math.max(1, preview.totalRows)}
          onChange={(v) => setRow('lastDataRow', v)}
          w={150}
          size="xs"
          thousandSeparator="."
          decimalSeparator=","
        />
        <Text size="xs" c="dimmed" maw={380}>
          {t('preview.overrideHint')}
        </Text>
      </Group>
      {!rangeValid && (
        <Text size="sm" c="red" role="alert">
          {t('preview.invalidRange')}
        </Text>
      )}

      <Group gap="lg">
        {(
          [
            ['swatchTitle', 'legendTitle'],
            ['swatchHeader', 'legendHeader'],
            ['swatchData', 'legendData'],
            ['swatchFooter', 'legendFooter'],
          ] as const
        ).map(([swatch, label]) => (
          <Group gap={6} key={label}>
            <span className={`${classes.legendSwatch} ${classes[swatch]}`} />
            <Text size="xs" c="dimmed">
              {t(`preview.${label}`)}
            </Text>
          </Group>
        ))}
      </Group>

      <Box pos="relative">
        <LoadingOverlay
          visible={loading}
          zIndex={5}
          overlayProps={{ blur: 0, backgroundOpacity: 0.12 }}
          loaderProps={{ size: 'sm' }}
        />
        <ScrollArea.Autosize mah={460} type="auto" offsetScrollbars>
          <table className={classes.grid} data-testid="import-preview-grid">
            <thead>
              <tr>
                <th className={classes.rowNumber}>{t('preview.rowNumber')}</th>
                {indices.map((index) => {
                  const column = columnsByIndex.get(index);
                  const type = overrides.columnTypes?.[index] ?? column?.type;
                  return (
                    <th key={index}>
                      <div className={classes.columnHead}>
                        <Text size="xs" c="dimmed" fw={600}>
                          {columnLetter(index)}
                          {column ? ` · ${column.name}` : ''}
                        </Text>
                        {column && type ? (
                          <TypeBadge
                            column={column}
                            type={type}
                            overridden={overrides.columnTypes?.[index] !== undefined}
                            onChange={(next) => setType(index, next)}
                          />
                        ) : (
                          <Text size="xs" c="dimmed" fs="italic">
                            {t('preview.noColumn')}
                          </Text>
                        )}
                      </div>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, r) => {
                const role = rowRole(r, layout);
                return (
                  <tr key={r} className={ROLE_CLASS[role]} data-role={role}>
                    <td className={classes.rowNumber}>
                      <Tooltip label={t('preview.useAsHeader', { row: r + 1 })} openDelay={400}>
                        <UnstyledButton
                          className={classes.rowNumberButton}
                          onClick={() => takeAsHeader(r)}
                        >
                          {r + 1}
                        </UnstyledButton>
                      </Tooltip>
                    </td>
                    {indices.map((index) => {
                      const cell = row[index] ?? null;
                      const type =
                        role === 'data'
                          ? (overrides.columnTypes?.[index] ?? columnsByIndex.get(index)?.type)
                          : undefined;
                      const numeric =
                        type !== undefined ? NUMERIC_TYPES.has(type) : isNumeric(cell);
                      const text = fmt.cell(cell, type);
                      return (
                        <td
                          key={index}
                          className={numeric ? classes.numeric : undefined}
                          title={text}
                        >
                          {text}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollArea.Autosize>
      </Box>
      {preview.totalRows > preview.rows.length && (
        <Text size="xs" c="dimmed">
          {t('preview.shownRows', {
            shown: fmt.count(preview.rows.length),
            total: fmt.count(preview.totalRows),
          })}
        </Text>
      )}
    </Stack>
  );
}
