import { Badge, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconLock, IconPencil, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import type { ScenarioSummary } from '../../core/planning/scenarios';

type Dialog = { kind: 'copy' | 'rename'; name: string; error: string | null } | { kind: 'approve' };

/** Switch, copy, rename and approve scenarios; every action goes through the core's door. */
export function ScenarioBar({
  scenarios,
  current,
  onSelect,
}: {
  scenarios: ScenarioSummary[];
  current: ScenarioSummary | null;
  onSelect: (id: number) => void;
}) {
  const { t } = useTranslation('planning');
  const core = useCore();
  const { refresh } = useWorkspace();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const approved = current?.status === 'approved';

  const fail = (message: string) =>
    notifications.show({ color: 'red', title: t('grid.refused'), message });

  const submit = async () => {
    if (!current || !dialog) return;
    if (dialog.kind === 'approve') {
      const result = await core.call('planning.approveScenario', { scenarioId: current.id });
      setDialog(null);
      if (!result.ok) fail(result.error.message);
      await refresh({ dataChanged: true });
      return;
    }
    const result =
      dialog.kind === 'copy'
        ? await core.call('planning.copyScenario', { scenarioId: current.id, name: dialog.name })
        : await core.call('planning.renameScenario', { scenarioId: current.id, name: dialog.name });
    if (!result.ok) {
      setDialog({ ...dialog, error: result.error.message });
      return;
    }
    setDialog(null);
    if (dialog.kind === 'copy' && result.value) onSelect((result.value as ScenarioSummary).id);
    await refresh({ dataChanged: true });
  };

  return (
    <Group gap="sm" wrap="wrap" data-testid="scenario-bar">
      <Select
        label={t('scenario.label')}
        data-testid="scenario-select"
        w={400}
        allowDeselect={false}
        value={current ? String(current.id) : null}
        data={scenarios.map((scenario) => ({
          value: String(scenario.id),
          label: `${scenario.name} — ${t(`scenario.${scenario.status}`)}`,
        }))}
        onChange={(value) => value && onSelect(Number(value))}
      />
      {current && (
        <Badge
          mt={22}
          size="lg"
          variant="light"
          color={approved ? 'teal' : 'gray'}
          leftSection={approved ? <IconLock size={14} /> : undefined}
          data-testid="scenario-status"
        >
          {t(`scenario.${current.status}`)}
        </Badge>
      )}
      <Group gap="xs" mt={22}>
        <Button
          variant="default"
          leftSection={<IconCopy size={16} />}
          disabled={!current}
          onClick={() =>
            current &&
            setDialog({
              kind: 'copy',
              name: t('scenario.copyName', { name: current.name }),
              error: null,
            })
          }
        >
          {t('scenario.copy')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconPencil size={16} />}
          disabled={!current || approved}
          onClick={() => current && setDialog({ kind: 'rename', name: current.name, error: null })}
        >
          {t('scenario.rename')}
        </Button>
        <Button
          color="teal.9"
          leftSection={<IconCircleCheck size={16} />}
          disabled={!current || approved}
          onClick={() => setDialog({ kind: 'approve' })}
        >
          {t('scenario.approve')}
        </Button>
      </Group>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={
          dialog?.kind === 'approve'
            ? t('scenario.approveTitle')
            : dialog?.kind === 'rename'
              ? t('scenario.renameTitle')
              : t('scenario.copyTitle')
        }
      >
        <Stack>
          {dialog?.kind === 'approve' ? (
            <Text size="sm">{t('scenario.approveText', { name: current?.name ?? '' })}</Text>
          ) : (
            dialog && (
              <TextInput
                label={t('scenario.name')}
                data-autofocus
                data-testid="scenario-name"
                value={dialog.name}
                error={dialog.error}
                onChange={(event) =>
                  setDialog({ ...dialog, name: event.currentTarget.value, error: null })
                }
                onKeyDown={(event) => event.key === 'Enter' && void submit()}
              />
            )
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('scenario.cancel')}
            </Button>
            <Button
              data-testid="scenario-confirm"
              color={dialog?.kind === 'approve' ? 'teal.9' : undefined}
              onClick={() => void submit()}
            >
              {dialog?.kind === 'approve' ? t('scenario.approve') : t('scenario.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
