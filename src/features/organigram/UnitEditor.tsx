import { Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../app/core-context';
import type { OrgView, UnitRollup } from '../../core/org';
import { useEdit } from './use-edit';

/** The side panel for a unit: rename, move under another unit, and its roll-ups. */
export function UnitEditor({
  view,
  unitId,
  locale,
  onChanged,
}: {
  view: OrgView;
  unitId: number;
  locale: string;
  onChanged(): Promise<void>;
}) {
  const { t } = useTranslation('organigram');
  const core = useCore();
  const edit = useEdit(onChanged);
  const unit = view.snapshot.units.find((u) => u.id === unitId);
  const [name, setName] = useState(unit?.name ?? '');
  const [parent, setParent] = useState<string | null>(
    unit?.parentId ? String(unit.parentId) : null,
  );
  const rollup: UnitRollup | undefined = view.rollups.find((r) => r.unitId === unitId);
  if (!unit) return null;
  const fte = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  return (
    <Paper p="sm" data-testid="edit-panel">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={4}>{unit.name}</Title>
          <Badge variant="light">{unit.code}</Badge>
        </Group>
        {rollup && (
          <Stack gap={2} data-testid="unit-rollup">
            <Text fw={650} size="sm">
              {t('edit.rollup')}
            </Text>
            <Text size="sm">
              {t('unitFte', { positions: rollup.positions, fte: fte.format(rollup.totalFte) })}
            </Text>
            <Text size="sm">
              {t('unitDetail', {
                filled: rollup.filled,
                vacant: rollup.vacant,
                headcount: rollup.headcount,
              })}
            </Text>
            <Text size="sm">
              {t('unitPillar4', {
                fte: fte.format(rollup.pillar4Fte),
                filled: fte.format(rollup.pillar4FilledFte),
              })}
            </Text>
          </Stack>
        )}
        <TextInput
          label={t('edit.unitName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Button onClick={() => void edit(() => core.call('org.renameUnit', { unitId, name }))}>
          {t('edit.save')}
        </Button>
        {unit.parentId !== null && (
          <>
            <Select
              label={t('edit.parentUnit')}
              data={view.snapshot.units
                .filter((u) => u.id !== unitId)
                .map((u) => ({ value: String(u.id), label: u.name }))}
              value={parent}
              onChange={setParent}
              searchable
            />
            <Button
              variant="light"
              disabled={!parent}
              onClick={() =>
                void edit(() => core.call('org.moveUnit', { unitId, parentId: Number(parent) }))
              }
            >
              {t('edit.move')}
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}
