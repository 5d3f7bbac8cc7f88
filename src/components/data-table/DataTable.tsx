import {
  ActionIcon,
  Alert,
  Box,
  Center,
  Group,
  Loader,
  Pagination,
  ScrollArea,
  Select,
  Table,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconArrowDown,
  IconArrowUp,
  IconArrowsSort,
  IconFilter,
  IconFilterOff,
  IconSearch,
} from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import type { HandlerArgs, HandlerValue } from '../../core/handlers';
import {
  formatInteger,
  formatValue,
  isNumericKind,
  valueKindForColumn,
  type ValueKind,
} from '../../i18n/formatters';
import { intlLocale } from '../../i18n';
import classes from './DataTable.module.css';
import { ExportMenu } from '../export-menu';
import { columnFilter } from './column-filter';
import { editText, parseEditedValue } from './edit-value';

type QueryArgs = HandlerArgs<'tables.query'>;
type QueryResult = Extract<HandlerValue<'tables.query'>, { ok: true }>['value'];
type SortState = { column: string; direction: 'asc' | 'desc' } | null;

export type DataTableColumn = {
  /** The SQL column name. */
  name: string;
  /** Header text; default: `columns.<name>` from the locale, else the name itself. */
  label?: string;
  /** How values read; default: guessed from the column name and the values' type. */
  kind?: ValueKind;
  /** Custom cell content (e.g. a badge); default: the formatted value. */
  render?: (value: unknown, row: readonly unknown[]) => ReactNode;
  /** Hidden from the grid (still queried). Default false. */
  hidden?: boolean;
};

export type DataTableProps = {
  /** The table or view to show. */
  table: string;
  /** Per-column overrides, matched by name; columns not listed show with defaults. */
  columns?: DataTableColumn[];
  /** The row-count line, e.g. "285 gemeenten"; default "N rijen". */
  countLabel?: (total: number) => string;
  /** Sort applied until the user clicks a header. Default: none (the table's own order). */
  defaultSort?: SortState;
  /** Rows per page. Default 50. */
  pageSize?: number;
  /** Double-click editing; default true (the core refuses views and read-only tables). */
  editable?: boolean;
  /** Extra controls shown at the right of the toolbar. */
  toolbar?: ReactNode;
  /** Accessible name of the grid. */
  label: string;
  /** Columns to show first, in this order; the rest follow in the table's order. */
  leadingColumns?: string[];
};

type Editing = { rowIndex: number; column: string; text: string };

const PAGE_SIZES = ['25', '50', '100', '250'];

/**
 * The one data grid of the app (Gemeenten, Proeftuinen, Gegevens): sorting, filtering and
 * searching happen in SQL in the worker ('tables.query'), so a 1,000,000-row table pages as
 * fast as a small one; edits go through 'tables.updateCell' (the core's mutation door, which
 * makes them undoable).
 */
export function DataTable({
  table,
  columns: overrides = [],
  countLabel,
  defaultSort = null,
  pageSize: initialPageSize = 50,
  editable = true,
  toolbar,
  label,
  leadingColumns = [],
}: DataTableProps) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const core = useCore();
  const workspace = useWorkspace();

  const [sort, setSort] = useState<SortState>(defaultSort);
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [showFilters, setShowFilters] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const [result, setResult] = useState<QueryResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [debouncedSearch] = useDebouncedValue(search, 200);
  const [debouncedFilters] = useDebouncedValue(filters, 250);
  const requestId = useRef(0);

  // A new table starts clean.
  useEffect(() => {
    setSort(defaultSort);
    setSearch('');
    setFilters({});
    setPage(1);
    setEditing(null);
    setResult(null);
    // defaultSort is a literal at every call site; only the table switches.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [table]);

  useEffect(() => setPage(1), [debouncedSearch, debouncedFilters, sort]);

  useEffect(() => {
    const id = ++requestId.current;
    setLoading(true);
    const activeFilters = Object.entries(debouncedFilters)
      .filter(([, value]) => value.trim() !== '')
      .map(([column, value]) => columnFilter(column, value, locale));
    const args: QueryArgs = {
      table,
      sort: sort ? [{ column: sort.column, direction: sort.direction }] : [],
      filters: activeFilters,
      search: debouncedSearch.trim(),
      offset: (page - 1) * pageSize,
      limit: pageSize,
    };
    core
      .call('tables.query', args)
      .then((outcome) => {
        if (id !== requestId.current) return;
        if (outcome.ok) {
          setResult(outcome.value);
          setError(null);
        } else {
          setError(outcome.error.message);
        }
      })
      .catch((reason: unknown) => {
        if (id !== requestId.current) return;
        setError(reason instanceof Error ? reason.message : String(reason));
      })
      .finally(() => {
        if (id === requestId.current) setLoading(false);
      });
  }, [
    core,
    table,
    sort,
    debouncedFilters,
    debouncedSearch,
    page,
    pageSize,
    workspace.revision,
    locale,
  ]);

  const columns = useMemo(() => {
    if (!result) return [];
    return result.columns.map((column, index) => {
      const override = overrides.find((item) => item.name === column.name);
      const firstValue = result.rows.find((row) => row[index] !== null)?.[index];
      let kind = override?.kind ?? valueKindForColumn(column.name);
      if (kind === 'text' && typeof firstValue === 'number') kind = 'number';
      const labelKey = `columns.${column.name}`;
      return {
        index,
        name: column.name,
        type: column.type,
        editable: column.editable,
        kind,
        label: override?.label ?? (i18n.exists(labelKey) ? t(labelKey) : column.name),
        render: override?.render,
        hidden: override?.hidden ?? false,
      };
    });
  }, [result, overrides, t, i18n]);

  const rank = (name: string) => {
    const index = leadingColumns.indexOf(name);
    return index < 0 ? leadingColumns.length : index;
  };
  const visible = columns
    .filter((column) => !column.hidden)
    .sort((a, b) => rank(a.name) - rank(b.name) || a.index - b.index);
  const total = result?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const canEdit = editable && result !== null && result.keys !== null;
  const activeFilterCount = Object.values(filters).filter((value) => value.trim() !== '').length;

  function toggleSort(column: string) {
    setSort((current) => {
      if (current?.column !== column) return { column, direction: 'asc' };
      if (current.direction === 'asc') return { column, direction: 'desc' };
      return null;
    });
  }

  async function commitEdit() {
    if (!editing || !result) return;
    const column = columns.find((item) => item.name === editing.column);
    const key = result.keys?.[editing.rowIndex];
    const original = column ? result.rows[editing.rowIndex]?.[column.index] : undefined;
    setEditing(null);
    if (!column || !key) return;
    const value = parseEditedValue(editing.text, { original, declaredType: column.type }, locale);
    if (value === original) return;
    const outcome = await core.call('tables.updateCell', {
      table,
      key,
      column: column.name,
      value,
    });
    if (!outcome.ok) {
      notifications.show({
        color: 'red',
        title: t('errors.editTitle'),
        message: outcome.error.message,
        autoClose: 8000,
      });
    }
    await workspace.refresh({ dataChanged: true });
  }

  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);

  return (
    <Box className={classes.wrapper}>
      <Group justify="space-between" mb="sm" gap="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap" style={{ flex: 1 }}>
          <TextInput
            aria-label={t('table.search')}
            placeholder={t('table.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={320}
            data-testid="table-search"
          />
          <Tooltip label={t('table.filters')}>
            <ActionIcon
              variant={showFilters || activeFilterCount > 0 ? 'light' : 'default'}
              size="lg"
              aria-label={t('table.filters')}
              aria-pressed={showFilters}
              onClick={() => setShowFilters((value) => !value)}
            >
              <IconFilter size={18} />
            </ActionIcon>
          </Tooltip>
          {activeFilterCount > 0 && (
            <Tooltip label={t('table.clearFilters')}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('table.clearFilters')}
                onClick={() => setFilters({})}
              >
                <IconFilterOff size={18} />
              </ActionIcon>
            </Tooltip>
          )}
          {loading && <Loader size="xs" aria-label={t('table.loading')} />}
        </Group>
        <Group gap="md" wrap="nowrap">
          {toolbar}
          <ExportMenu
            fileBase={label}
            query={{
              table,
              sort: sort ? [{ column: sort.column, direction: sort.direction }] : [],
              filters: Object.entries(debouncedFilters)
                .filter(([, value]) => value.trim() !== '')
                .map(([column, value]) => columnFilter(column, value, locale)),
              search: debouncedSearch.trim(),
            }}
          />
          <Text fw={600} data-testid="table-count" aria-live="polite">
            {countLabel ? countLabel(total) : t('table.rows', { count: total })}
          </Text>
        </Group>
      </Group>

      {error && (
        <Alert color="red" mb="sm">
          {t('table.queryFailed', { message: error })}
        </Alert>
      )}

      <ScrollArea className={classes.scroll} type="auto" offsetScrollbars={false}>
        <Table
          className={classes.table}
          striped
          highlightOnHover
          stickyHeader
          verticalSpacing={6}
          horizontalSpacing="sm"
          aria-label={label}
          aria-rowcount={total + 1}
          data-testid="data-table"
        >
          <Table.Thead>
            <Table.Tr>
              {visible.map((column) => {
                const sorted = sort?.column === column.name ? sort.direction : null;
                return (
                  <Table.Th
                    key={column.name}
                    className={isNumericKind(column.kind) ? classes.numeric : undefined}
                    aria-sort={
                      sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'
                    }
                  >
                    <UnstyledButton
                      className={classes.headerButton}
                      onClick={() => toggleSort(column.name)}
                      title={t('table.sortBy', { column: column.label })}
                      data-column={column.name}
                    >
                      {column.label}
                      {sorted === 'asc' ? (
                        <IconArrowUp size={14} aria-label={t('table.sortAscending')} />
                      ) : sorted === 'desc' ? (
                        <IconArrowDown size={14} aria-label={t('table.sortDescending')} />
                      ) : (
                        <IconArrowsSort size={14} className={classes.muted} aria-hidden />
                      )}
                    </UnstyledButton>
                  </Table.Th>
                );
              })}
            </Table.Tr>
            {showFilters && (
              <Table.Tr>
                {visible.map((column) => (
                  <Table.Th key={column.name} className={classes.filterCell}>
                    <TextInput
                      size="xs"
                      aria-label={`${t('table.filterPlaceholder')}: ${column.label}`}
                      placeholder={t('table.filterPlaceholder')}
                      value={filters[column.name] ?? ''}
                      onChange={(event) => {
                        const value = event.currentTarget.value;
                        setFilters((current) => ({ ...current, [column.name]: value }));
                      }}
                      data-filter={column.name}
                    />
                  </Table.Th>
                ))}
              </Table.Tr>
            )}
          </Table.Thead>
          <Table.Tbody>
            {result?.rows.map((row, rowIndex) => (
              <Table.Tr key={keyText(result.keys?.[rowIndex]) ?? rowIndex}>
                {visible.map((column) => {
                  const value = row[column.index];
                  const isEditing =
                    editing?.rowIndex === rowIndex && editing.column === column.name;
                  const numeric = isNumericKind(column.kind);
                  const cellEditable = canEdit && column.editable;
                  const cellClass = [
                    column.render ? classes.rendered : classes.cell,
                    numeric ? classes.numeric : '',
                    cellEditable ? classes.editable : '',
                  ].join(' ');
                  if (isEditing) {
                    return (
                      <Table.Td key={column.name} className={classes.cell} p={2}>
                        <TextInput
                          className={classes.editInput}
                          size="xs"
                          autoFocus
                          aria-label={t('table.editCell', { column: column.label })}
                          value={editing.text}
                          onChange={(event) => {
                            const text = event.currentTarget.value;
                            setEditing((current) => (current ? { ...current, text } : current));
                          }}
                          onKeyDown={(event) => {
                            if (event.key === 'Enter') {
                              event.preventDefault();
                              void commitEdit();
                            } else if (event.key === 'Escape') {
                              event.preventDefault();
                              setEditing(null);
                            }
                          }}
                          onBlur={() => setEditing(null)}
                          data-testid="cell-editor"
                        />
                      </Table.Td>
                    );
                  }
                  const startEdit = () =>
                    setEditing({ rowIndex, column: column.name, text: editText(value, locale) });
                  const text = formatValue(value, column.kind, locale, {
                    yes: t('table.yes'),
                    no: t('table.no'),
                  });
                  return (
                    <Table.Td
                      key={column.name}
                      className={cellClass}
                      title={typeof value === 'string' && value.length > 40 ? value : undefined}
                      data-column={column.name}
                      // Keyboard users reach editable cells with Tab and edit with Enter or F2.
                      tabIndex={cellEditable ? 0 : undefined}
                      onDoubleClick={cellEditable ? startEdit : undefined}
                      onKeyDown={
                        cellEditable
                          ? (event) => {
                              if (event.key === 'Enter' || event.key === 'F2') {
                                event.preventDefault();
                                startEdit();
                              }
                            }
                          : undefined
                      }
                    >
                      {column.render ? column.render(value, row) : text}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!result && !error && (
          <Center py="xl">
            <Loader size="sm" aria-label={t('table.loading')} />
          </Center>
        )}
        {result && result.rows.length === 0 && (
          <Text c="dimmed" ta="center" py="xl">
            {t('table.noRows')}
          </Text>
        )}
      </ScrollArea>

      <Group justify="space-between" mt="sm" gap="sm">
        <Text size="sm" c="dimmed">
          {total > 0
            ? t('table.range', {
                from: formatInteger(from, locale),
                to: formatInteger(to, locale),
                total: formatInteger(total, locale),
              })
            : ''}
          {canEdit ? ` · ${t('table.editHint')}` : ''}
        </Text>
        <Group gap="sm">
          <Select
            size="xs"
            w={80}
            aria-label={t('table.pageSize')}
            data={PAGE_SIZES}
            value={String(pageSize)}
            onChange={(value) => value && setPageSize(Number(value))}
            allowDeselect={false}
          />
          <Pagination
            size="sm"
            total={pages}
            value={page}
            onChange={setPage}
            withEdges
            // The first/previous/next/last controls are icons only: give them names.
            getControlProps={(control) => ({ 'aria-label': t(`table.pagination.${control}`) })}
            getItemProps={(item) => ({ 'aria-label': t('table.pagination.page', { page: item }) })}
          />
        </Group>
      </Group>
    </Box>
  );
}

function keyText(key: unknown): string | null {
  if (key === null || key === undefined) return null;
  return typeof key === 'object' ? JSON.stringify(key) : String(key);
}
