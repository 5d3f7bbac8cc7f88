import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../app/core-context';
import type { PlanGrid } from '../../core/planning/grid';
import { withNewLine, type LineChoice } from '../../core/planning/lines';

const NO_REGION = '-';

/** Adds a plan line (position/person × activity × region) to the grid, empty until typed in. */
export function AddLineDialog({
  plan,
  opened,
  onClose,
  onAdd,
}: {
  plan: PlanGrid;
  opened: boolean;
  onClose: () => void;
  /** The grid with the new line, and the line's key. */
  onAdd: (plan: PlanGrid, key: string) => void;
}) {
  const { t } = useTranslation('planning');
  const core = useCore();
  const [choices, setChoices] = useState<LineChoice[]>([]);
  const [choice, setChoice] = useState<string | null>(null);
  const [activity, setActivity] = useState<string | null>(plan.activities[0]?.code ?? null);
  const [region, setRegion] = useState<string>(NO_REGION);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    let live = true;
    void core.call('planning.lineChoices', { scenarioId: plan.scenario.id }).then((list) => {
      if (live) setChoices(list);
    });
    return () => {
      live = false;
    };
  }, [core, opened, plan.scenario.id]);

  const valueOf = (c: LineChoice) => `${c.id}|${c.personId ?? ''}`;
  const add = () => {
    const picked = choices.find((c) => valueOf(c) === choice);
    if (!picked || !activity) return;
    const next = withNewLine(plan, picked, activity, region === NO_REGION ? null : region);
    if (!next) {
      setProblem(t('addLine.exists'));
      return;
    }
    setProblem(null);
    onAdd(next, next.lines.at(-1)?.key ?? '');
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('addLine.title')}>
      <Stack>
        <Text size="sm">{t('addLine.help')}</Text>
        <Select
          label={t('addLine.position')}
          searchable
          data-testid="add-line-position"
          value={choice}
          onChange={setChoice}
          data={choices.map((c) => ({
            value: valueOf(c),
            label: `${c.code} · ${c.title} — ${c.personName ?? t('grid.vacancy')}`,
          }))}
        />
        <Select
          label={t('addLine.activity')}
          data-testid="add-line-activity"
          allowDeselect={false}
          value={activity}
          onChange={setActivity}
          data={plan.activities.map((a) => ({ value: a.code, label: a.name }))}
        />
        <Select
          label={t('addLine.region')}
          searchable
          data-testid="add-line-region"
          allowDeselect={false}
          value={region}
          onChange={(value) => setRegion(value ?? NO_REGION)}
          data={[
            { value: NO_REGION, label: t('addLine.noRegion') },
            ...plan.regions.map((r) => ({ value: r.code, label: r.name })),
          ]}
        />
        {problem && (
          <Alert color="red" data-testid="add-line-problem">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('scenario.cancel')}
          </Button>
          <Button data-testid="add-line-confirm" disabled={!choice || !activity} onClick={add}>
            {t('addLine.add')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
