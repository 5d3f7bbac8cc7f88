import { Alert, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import { FteGrid, type FteCell, type FteWrite, type FteWriteKind } from '../../components/fte-grid';
import { formatFte, parseFte } from '../../core/planning/fte';
import type { CellEdit } from '../../core/planning/edits';
import { applyCellEdits, type PlanGrid } from '../../core/planning/grid';
import type { Grain } from '../../core/planning/months';
import { ExportMenu } from '../../components/export-menu';
import { intlLocale } from '../../i18n';
import { AddLineDialog } from './AddLineDialog';
import { buildGridModel } from './grid-model';
import { bucketLabel } from './labels';

/** The planning grid of one scenario: grouped rows, subtotals, breaches in red, edits. */
export function PlanGridView({
  plan,
  onPlanChange,
}: {
  plan: PlanGrid;
  /** The plan after an accepted edit, patched in place of a full re-read. */
  onPlanChange: (plan: PlanGrid) => void;
}) {
  const { t, i18n } = useTranslation('planning');
  const locale = intlLocale(i18n.language);
  const core = useCore();
  const { refresh } = useWorkspace();
  const [grain, setGrain] = useState<Grain>('month');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const { ref, height } = useElementSize();
  const scenarioId = plan.scenario.id;
  useEffect(() => setProblem(null), [scenarioId]);

  const model = useMemo(
    () =>
      buildGridModel(plan, grain, collapsed, {
        total: t('grid.total'),
        vacancy: t('grid.vacancy'),
      }),
    [plan, grain, collapsed, t],
  );
  const columns = useMemo(
    () => [
      { id: 'label', title: t('grid.label'), width: 420 },
      ...model.buckets.map((bucket) => ({
        id: bucket.key,
        title: bucketLabel(bucket.key, locale),
        width: grain === 'month' ? 74 : 86,
      })),
    ],
    [model.buckets, t, locale, grain],
  );

  // The grid as shown (grain, collapsed groups) to .xlsx/.csv: one row per grid row, FTE per
  // period ("(VTE)" in the header gives the column the FTE number format).
  const exportSource = useMemo(
    () => ({
      kind: 'rows' as const,
      columns: [
        t('grid.exportKind'),
        t('grid.label'),
        ...model.buckets.map((bucket) => `${bucket.key} (VTE)`),
      ],
      rows: model.rows.map((row) => [t(`grid.kinds.${row.kind}`), row.label, ...row.values]),
    }),
    [model, t],
  );

  const cell = useCallback(
    (col: number, row: number): FteCell => {
      const gridRow = model.rows[row];
      if (!gridRow) return { text: '', editable: false };
      if (col === 0) {
        const indent =
          gridRow.kind === 'position' ? '   ' : gridRow.kind === 'line' ? '      ' : '';
        const marker =
          gridRow.kind === 'unit' || gridRow.kind === 'position'
            ? gridRow.collapsed
              ? '▸ '
              : '▾ '
            : '';
        return {
          text: `${indent}${marker}${gridRow.label}`,
          editable: false,
          bold: gridRow.kind !== 'line',
        };
      }
      const value = gridRow.values[col - 1] ?? 0;
      const text = value === 0 && gridRow.kind === 'line' ? '' : formatFte(value, locale);
      const breach =
        gridRow.kind === 'line' || gridRow.kind === 'position'
          ? model.breachAt(row, col - 1)
          : undefined;
      return {
        text,
        editable: gridRow.kind === 'line' && grain === 'month',
        breach,
        bold: gridRow.kind !== 'line',
      };
    },
    [model, locale, grain],
  );

  const onWrite = useCallback(
    async (writes: FteWrite[], kind: FteWriteKind) => {
      const cells: CellEdit[] = [];
      for (const write of writes) {
        const row = model.rows[write.row];
        const bucket = model.buckets[write.col - 1];
        if (row?.kind !== 'line' || !bucket) continue;
        const parsed = parseFte(write.text);
        const month = bucket.months[0] ?? bucket.key;
        if (!parsed.ok) {
          setProblem(t('grid.invalid', { row: row.label, month, message: parsed.error.message }));
          return;
        }
        const { positionId, personId, activityCode, regionCode, nisCode } = row.line;
        cells.push({
          line: { positionId, personId, activityCode, regionCode, nisCode },
          month,
          milli: parsed.value,
        });
      }
      if (cells.length === 0) return;
      const result = await core.call('planning.setCells', { scenarioId, cells, kind });
      if (!result.ok) {
        setProblem(result.error.message);
        return;
      }
      setProblem(null);
      if (result.value.breaches.length > 0) {
        notifications.show({
          color: 'orange',
          title: t('grid.breachesAfter', { count: result.value.breaches.length }),
          message: result.value.breaches
            .slice(0, 3)
            .map((breach) => breach.reason)
            .join('\n'),
        });
      }
      // The shell learns the new undo step first (so Ctrl+Z is live when the values show); the
      // grid is patched with the accepted cells rather than read again.
      await refresh();
      onPlanChange(applyCellEdits(plan, cells, result.value));
    },
    [model, core, scenarioId, refresh, t, plan, onPlanChange],
  );

  // Test hook: the canvas grid's rows as data, so end-to-end tests can read totals and breaches.
  useEffect(() => {
    const hook = window as unknown as { __planGrid?: unknown };
    hook.__planGrid = {
      scenario: plan.scenario.name,
      buckets: model.buckets.map((bucket) => bucket.key),
      rows: model.rows.map((row, index) => ({
        kind: row.kind,
        label: row.label,
        key: row.kind === 'line' ? row.line.key : null,
        values: row.values,
        breaches: row.values.map((_value, bucket) => model.breachAt(index, bucket) ?? null),
      })),
    };
  }, [model, plan.scenario.name]);

  const toggle = (row: number) => {
    const gridRow = model.rows[row];
    if (gridRow?.kind !== 'unit' && gridRow?.kind !== 'position') return;
    const key = `${gridRow.kind === 'unit' ? 'u' : 'p'}${gridRow.id}`;
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  };

  return (
    <Stack gap="xs" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between">
        <Group gap="sm">
          <SegmentedControl
            aria-label={t('grid.grain')}
            data-testid="grain"
            value={grain}
            onChange={(value) => setGrain(value as Grain)}
            data={[
              { value: 'month', label: t('grid.month') },
              { value: 'quarter', label: t('grid.quarter') },
              { value: 'year', label: t('grid.year') },
            ]}
          />
          <Button variant="subtle" size="xs" onClick={() => setCollapsed(new Set())}>
            {t('grid.expandAll')}
          </Button>
          <Button
            variant="subtle"
            size="xs"
            onClick={() =>
              setCollapsed(new Set(plan.positions.map((position) => `p${position.id}`)))
            }
          >
            {t('grid.collapseAll')}
          </Button>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            data-testid="add-line"
            disabled={plan.scenario.status === 'approved'}
            onClick={() => setAdding(true)}
          >
            {t('addLine.button')}
          </Button>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Text size="xs" c="var(--mantine-color-text)" maw={520}>
            {grain === 'month' ? t('grid.help') : t('grid.readOnlyGrain')}
          </Text>
          <ExportMenu source={exportSource} fileBase={`Planning ${plan.scenario.name}`} />
        </Group>
      </Group>
      {problem && (
        <Alert
          color="red"
          title={t('grid.refused')}
          data-testid="grid-problem"
          withCloseButton
          onClose={() => setProblem(null)}
        >
          {problem}
        </Alert>
      )}
      <AddLineDialog
        plan={plan}
        opened={adding}
        onClose={() => setAdding(false)}
        onAdd={(next) => {
          setAdding(false);
          setGrain('month');
          onPlanChange(next);
        }}
      />
      <div ref={ref} style={{ flex: 1, minHeight: 320 }}>
        {height > 0 && (
          <FteGrid
            label={t('grid.label')}
            columns={columns}
            rows={model.rows.length}
            cell={cell}
            onWrite={(writes, kind) => void onWrite(writes, kind)}
            onLabelClick={toggle}
            trailingTotals
            height={height}
            validate={(text) => {
              const parsed = parseFte(text);
              return parsed.ok ? null : parsed.error.message;
            }}
          />
        )}
      </div>
    </Stack>
  );
}
