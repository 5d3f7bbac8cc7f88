import { Alert, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import type { PersonCapacity } from '../../core/planning/capacity';
import { formatFte } from '../../core/planning/fte';
import type { ScenarioSummary } from '../../core/planning/scenarios';
import { intlLocale } from '../../i18n';
import { SHORTAGE_TEXT } from './colors';
import { bucketLabel } from './labels';

/** Leave per person and month, and what it leaves of their capacity against the plan. */
export function LeaveView({ scenario }: { scenario: ScenarioSummary }) {
  const { t, i18n } = useTranslation('planning');
  const locale = intlLocale(i18n.language);
  const core = useCore();
  const { revision, refresh } = useWorkspace();
  const [people, setPeople] = useState<{ id: number; code: string; name: string }[]>([]);
  const [personId, setPersonId] = useState<number | null>(null);
  const [capacity, setCapacity] = useState<PersonCapacity | null>(null);
  const [form, setForm] = useState({ from: '', to: '', fte: '0,2', note: '' });
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void core.call('planning.people', { scenarioId: scenario.id }).then((list) => {
      if (!live) return;
      setPeople(list);
      setPersonId((current) =>
        current !== null && list.some((p) => p.id === current) ? current : (list[0]?.id ?? null),
      );
    });
    return () => {
      live = false;
    };
  }, [core, scenario.id, revision]);

  useEffect(() => {
    if (personId === null) return;
    let live = true;
    void core.call('planning.capacity', { scenarioId: scenario.id, personId }).then((result) => {
      if (!live || !result.ok) return;
      setCapacity(result.value);
      const first = result.value.months[0]?.month ?? '';
      setForm((current) =>
        current.from === '' ? { ...current, from: first, to: first } : current,
      );
    });
    return () => {
      live = false;
    };
  }, [core, scenario.id, personId, revision]);

  const submit = async () => {
    if (personId === null) return;
    const result = await core.call('planning.setLeave', {
      scenarioId: scenario.id,
      personId,
      from: form.from.trim(),
      to: form.to.trim(),
      fte: form.fte,
      note: form.note.trim() || null,
    });
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    setProblem(null);
    setCapacity(result.value);
    await refresh({ dataChanged: true });
  };

  const fte = (milli: number) => formatFte(milli, locale);
  return (
    <Stack gap="md" data-testid="leave-view">
      <Text size="sm">{t('leave.help')}</Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('leave.person')}
          placeholder={t('leave.pick')}
          searchable
          w={280}
          data-testid="leave-person"
          value={personId === null ? null : String(personId)}
          data={people.map((p) => ({ value: String(p.id), label: `${p.name} (${p.code})` }))}
          onChange={(value) => value && setPersonId(Number(value))}
        />
        <TextInput
          label={t('leave.from')}
          placeholder={t('leave.monthHint')}
          w={120}
          value={form.from}
          onChange={(event) => setForm({ ...form, from: event.currentTarget.value })}
        />
        <TextInput
          label={t('leave.to')}
          placeholder={t('leave.monthHint')}
          w={160}
          value={form.to}
          onChange={(event) => setForm({ ...form, to: event.currentTarget.value })}
        />
        <TextInput
          label={t('leave.fte')}
          w={110}
          value={form.fte}
          onChange={(event) => setForm({ ...form, fte: event.currentTarget.value })}
        />
        <TextInput
          label={t('leave.note')}
          w={220}
          value={form.note}
          onChange={(event) => setForm({ ...form, note: event.currentTarget.value })}
        />
        <Button
          data-testid="leave-set"
          disabled={personId === null || scenario.status === 'approved'}
          onClick={() => void submit()}
        >
          {t('leave.set')}
        </Button>
      </Group>
      {problem && (
        <Alert color="red" title={t('grid.refused')} data-testid="leave-problem">
          {problem}
        </Alert>
      )}
      {capacity && (
        <Table.ScrollContainer minWidth={640} mah={520}>
          <Table striped stickyHeader data-testid="capacity-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('leave.month')}</Table.Th>
                <Table.Th ta="right">{t('leave.contract')}</Table.Th>
                <Table.Th ta="right">{t('leave.leave')}</Table.Th>
                <Table.Th ta="right">{t('leave.capacity')}</Table.Th>
                <Table.Th ta="right">{t('leave.planned')}</Table.Th>
                <Table.Th ta="right">{t('leave.free')}</Table.Th>
                <Table.Th>{t('leave.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {capacity.months.map((m) => (
                <Table.Tr key={m.month} data-month={m.month}>
                  <Table.Td>{bucketLabel(m.month, locale)}</Table.Td>
                  <Table.Td ta="right">{fte(m.contractMilli)}</Table.Td>
                  <Table.Td ta="right" data-column="leave">
                    {m.leaveMilli === 0 ? '' : fte(m.leaveMilli)}
                  </Table.Td>
                  <Table.Td ta="right" data-column="capacity">
                    {fte(m.capacityMilli)}
                  </Table.Td>
                  <Table.Td ta="right">{fte(m.plannedMilli)}</Table.Td>
                  <Table.Td
                    ta="right"
                    data-column="free"
                    c={m.freeMilli < 0 ? SHORTAGE_TEXT : undefined}
                    fw={m.freeMilli < 0 ? 700 : undefined}
                  >
                    {fte(m.freeMilli)}
                  </Table.Td>
                  <Table.Td>{m.note ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
