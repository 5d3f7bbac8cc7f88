import { Button, Group, Select, SegmentedControl, Stack } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardFilter, FilterOptions } from '../../core/dashboard';
import { monthRange } from '../../core/planning/months';

/** The filter's non-default parts as chips: what each one says and how to take it off. */
export function filterChips(
  filter: DashboardFilter,
  options: FilterOptions,
  t: (key: string) => string,
): { key: keyof DashboardFilter; label: string }[] {
  const chips: { key: keyof DashboardFilter; label: string }[] = [];
  if (filter.from && filter.from !== options.from)
    chips.push({ key: 'from', label: `${t('filters.from')} ${filter.from}` });
  if (filter.to && filter.to !== options.to)
    chips.push({ key: 'to', label: `${t('filters.to')} ${filter.to}` });
  const region = options.regions.find((r) => r.code === filter.regionCode);
  if (region) chips.push({ key: 'regionCode', label: region.name });
  const division = options.divisions.find((d) => d.id === filter.divisionId);
  if (division) chips.push({ key: 'divisionId', label: division.name });
  const activity = options.activities.find((a) => a.code === filter.activityCode);
  if (activity) chips.push({ key: 'activityCode', label: activity.name });
  return chips;
}

/** Memoised: a dashboard read coming back does not draw the filters (six Selects) again. */
export const FilterBar = memo(function FilterBar({
  filter,
  options,
  onChange,
}: {
  filter: DashboardFilter;
  options: FilterOptions;
  onChange: (filter: DashboardFilter) => void;
}) {
  const { t } = useTranslation('dashboard');
  const months = monthRange(options.from, options.to);
  const set = (patch: Partial<DashboardFilter>) => onChange({ ...filter, ...patch });
  const chips = filterChips(filter, options, t);
  return (
    <Stack gap="xs" className="no-print" data-testid="dashboard-filters">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('filters.scenario')}
          data={options.scenarios.map((s) => ({ value: String(s.id), label: s.name }))}
          value={String(filter.scenarioId)}
          onChange={(value) => value && set({ scenarioId: Number(value) })}
          allowDeselect={false}
          w={230}
          data-testid="filter-scenario"
        />
        <Select
          label={t('filters.from')}
          data={months}
          value={filter.from ?? options.from}
          onChange={(value) => set({ from: value ?? undefined })}
          allowDeselect={false}
          searchable
          w={120}
          data-testid="filter-from"
        />
        <Select
          label={t('filters.to')}
          data={months}
          value={filter.to ?? options.to}
          onChange={(value) => set({ to: value ?? undefined })}
          allowDeselect={false}
          searchable
          w={120}
          data-testid="filter-to"
        />
        <Select
          label={t('filters.region')}
          placeholder={t('filters.all')}
          data={[
            {
              group: t('filters.networks'),
              items: options.regions
                .filter((r) => r.kind === 'network')
                .map((r) => ({ value: r.code, label: r.name })),
            },
            {
              group: t('filters.agii'),
              items: options.regions
                .filter((r) => r.kind === 'agii')
                .map((r) => ({ value: r.code, label: r.name })),
            },
          ]}
          value={filter.regionCode ?? null}
          onChange={(value) => set({ regionCode: value })}
          clearable
          searchable
          w={220}
          data-testid="filter-region"
        />
        <Select
          label={t('filters.division')}
          placeholder={t('filters.all')}
          data={options.divisions.map((d) => ({ value: String(d.id), label: d.name }))}
          value={filter.divisionId ? String(filter.divisionId) : null}
          onChange={(value) => set({ divisionId: value ? Number(value) : null })}
          clearable
          w={220}
          data-testid="filter-division"
        />
        <Select
          label={t('filters.activity')}
          placeholder={t('filters.pillar4')}
          data={options.activities.map((a) => ({ value: a.code, label: a.name }))}
          value={filter.activityCode ?? null}
          onChange={(value) => set({ activityCode: value })}
          clearable
          w={250}
          data-testid="filter-activity"
        />
        <SegmentedControl
          aria-label={t('filters.grain')}
          value={filter.grain ?? 'quarter'}
          onChange={(value) => set({ grain: value as DashboardFilter['grain'] })}
          data={[
            { value: 'month', label: t('filters.month') },
            { value: 'quarter', label: t('filters.quarter') },
            { value: 'year', label: t('filters.year') },
          ]}
        />
      </Group>
      {chips.length > 0 && (
        <Group gap="xs" data-testid="filter-chips">
          {chips.map((chip) => (
            <Button
              key={chip.key}
              size="compact-sm"
              variant="light"
              radius="xl"
              rightSection={<IconX size={14} />}
              aria-label={t('filters.remove').replace('{{name}}', chip.label)}
              onClick={() =>
                set({ [chip.key]: chip.key === 'from' || chip.key === 'to' ? undefined : null })
              }
            >
              {chip.label}
            </Button>
          ))}
        </Group>
      )}
    </Stack>
  );
});
