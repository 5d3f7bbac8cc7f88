import {
  ActionIcon,
  Badge,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../app/core-context';
import type { OrgView } from '../../core/org';
import { useEdit } from './use-edit';
import { UnitEditor } from './UnitEditor';

type Props = {
  view: OrgView;
  selectedKey: string | null;
  scenarioId: number | null;
  locale: string;
  /** After a successful edit: re-read the workspace (and the chart). */
  onChanged(): Promise<void>;
};

/** The side panel: see and change the selected card, validated by the core. */
export function EditPanel({ view, selectedKey, scenarioId, locale, onChanged }: Props) {
  const { t } = useTranslation('organigram');
  if (!selectedKey) {
    return (
      <Paper p="sm" data-testid="edit-panel">
        <Title order={4}>{t('edit.title')}</Title>
        <Text size="sm" mt="xs">
          {t('edit.none')}
        </Text>
      </Paper>
    );
  }
  const id = Number(selectedKey.slice(1));
  return selectedKey.startsWith('p') ? (
    <PositionEditor
      key={selectedKey}
      view={view}
      positionId={id}
      scenarioId={scenarioId}
      locale={locale}
      onChanged={onChanged}
    />
  ) : (
    <UnitEditor key={selectedKey} view={view} unitId={id} locale={locale} onChanged={onChanged} />
  );
}

function PositionEditor({
  view,
  positionId,
  scenarioId,
  locale,
  onChanged,
}: {
  view: OrgView;
  positionId: number;
  scenarioId: number | null;
  locale: string;
  onChanged(): Promise<void>;
}) {
  const { t } = useTranslation('organigram');
  const core = useCore();
  const edit = useEdit(onChanged);
  const position = view.snapshot.positions.find((p) => p.id === positionId);
  const [title, setTitle] = useState(position?.title ?? '');
  const [budget, setBudget] = useState<number | string>(position?.budgetFte ?? 1);
  const [share, setShare] = useState<number | string>(
    Math.round((position?.pillar4Share ?? 0) * 100),
  );
  const [roleId, setRoleId] = useState<string | null>(
    position?.roleId ? String(position.roleId) : null,
  );
  const [manager, setManager] = useState<string | null>(
    position?.reportsToId ? String(position.reportsToId) : null,
  );
  const [unitId, setUnitId] = useState<string | null>(position ? String(position.unitId) : null);
  const [person, setPerson] = useState<string | null>(null);
  const [personFte, setPersonFte] = useState<number | string>(1);
  const [linkTarget, setLinkTarget] = useState<string | null>(null);
  const [linkLabel, setLinkLabel] = useState(t('edit.linkLabelDefault'));
  const [newTitle, setNewTitle] = useState('');
  useEffect(() => {
    if (!position) return;
    setTitle(position.title);
    setBudget(position.budgetFte);
    setShare(Math.round(position.pillar4Share * 100));
    setManager(position.reportsToId ? String(position.reportsToId) : null);
    setUnitId(String(position.unitId));
  }, [position]);

  const positionOptions = useMemo(
    () =>
      view.snapshot.positions
        .filter((p) => p.id !== positionId)
        .map((p) => ({ value: String(p.id), label: `${p.title} (${p.code})` })),
    [view, positionId],
  );
  const unitOptions = useMemo(
    () => view.snapshot.units.map((u) => ({ value: String(u.id), label: `${u.name} (${u.code})` })),
    [view],
  );
  const targets = useMemo(
    () => [
      ...view.snapshot.units.map((u) => ({ value: `u${u.id}`, label: u.name })),
      ...positionOptions.map((o) => ({ value: `p${o.value}`, label: o.label })),
    ],
    [view, positionOptions],
  );
  if (!position) return null;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const links = view.snapshot.links.filter(
    (l) =>
      (l.from.kind === 'position' && l.from.id === positionId) ||
      (l.to.kind === 'position' && l.to.id === positionId),
  );
  const nameOf = (end: { kind: string; id: number }) =>
    end.kind === 'unit'
      ? (view.snapshot.units.find((u) => u.id === end.id)?.name ?? '?')
      : (view.snapshot.positions.find((p) => p.id === end.id)?.title ?? '?');

  const save = () =>
    edit(() =>
      core.call('org.updatePosition', {
        positionId,
        title,
        budgetFte: Number(budget),
        pillar4Share: Number(share) / 100,
        roleId: roleId ? Number(roleId) : null,
        scenarioId,
      }),
    );
  const move = () =>
    edit(() =>
      core.call('org.movePosition', {
        positionId,
        reportsToId: manager ? Number(manager) : null,
        unitId: unitId ? Number(unitId) : undefined,
        scenarioId,
      }),
    );

  const confirmDelete = async () => {
    const plan = await core.call('org.deletePlan', { positionId });
    if (!plan.ok) return;
    const p = plan.value;
    modals.openConfirmModal({
      title: t('edit.deleteTitle', { title: p.title }),
      children: (
        <Stack gap="xs" data-testid="delete-plan">
          {p.children.length > 0 ? (
            <>
              <Text size="sm">
                {t('edit.deleteChildren', {
                  count: p.children.length,
                  manager: p.newManager?.title ?? t('edit.topLevel'),
                })}
              </Text>
              <List size="sm">
                {p.children.map((c) => (
                  <List.Item key={c.id}>
                    {c.title} ({c.code})
                  </List.Item>
                ))}
              </List>
            </>
          ) : (
            <Text size="sm">{t('edit.deleteNoChildren')}</Text>
          )}
          {p.holders.length > 0 && (
            <Text size="sm">
              {t('edit.deleteHolders', { names: p.holders.map((h) => h.name).join(', ') })}
            </Text>
          )}
          <Text size="sm">
            {t('edit.deleteOther', {
              links: p.links,
              allocations: p.allocations,
              changes: p.scenarioChanges,
            })}
          </Text>
        </Stack>
      ),
      labels: { confirm: t('edit.deleteConfirm'), cancel: t('edit.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void edit(() => core.call('org.deletePosition', { positionId })),
    });
  };

  return (
    <Paper p="sm" data-testid="edit-panel">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={4}>{position.title}</Title>
          <Badge variant="light">{position.code}</Badge>
        </Group>
        <TextInput
          label={t('edit.positionTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Group grow>
          <NumberInput
            label={t('edit.budgetFte')}
            value={budget}
            onChange={setBudget}
            min={0}
            max={10}
            step={0.1}
            decimalScale={2}
            decimalSeparator=","
          />
          <NumberInput
            label={t('edit.share')}
            value={share}
            onChange={setShare}
            min={0}
            max={100}
            step={10}
          />
        </Group>
        <Select
          label={t('edit.role')}
          data={view.roles.map((r) => ({ value: String(r.id), label: r.name }))}
          value={roleId}
          onChange={setRoleId}
          placeholder={t('edit.noRole')}
          clearable
        />
        <Button onClick={() => void save()} data-testid="edit-save">
          {t('edit.save')}
        </Button>

        <Select
          label={t('edit.reportsTo')}
          data={positionOptions}
          value={manager}
          onChange={setManager}
          placeholder={t('edit.noManager')}
          searchable
          clearable
          limit={30}
          data-testid="edit-reports-to"
        />
        <Select
          label={t('edit.unit')}
          data={unitOptions}
          value={unitId}
          onChange={setUnitId}
          searchable
          limit={40}
        />
        <Button variant="light" onClick={() => void move()} data-testid="edit-move">
          {t('edit.move')}
        </Button>

        <Text fw={650} size="sm" mt="xs">
          {t('edit.holders')}
        </Text>
        {position.holders.length === 0 ? (
          <Text size="sm">{t('edit.vacantNow')}</Text>
        ) : (
          <List size="sm">
            {position.holders.map((h) => (
              <List.Item key={h.personId}>
                {h.name} — {number.format(h.fte)} FTE
              </List.Item>
            ))}
          </List>
        )}
        <Group grow align="flex-end">
          <Select
            label={t('edit.assignPerson')}
            data={view.snapshot.people.map((p) => ({ value: String(p.id), label: p.name }))}
            value={person}
            onChange={setPerson}
            searchable
            limit={30}
          />
          <NumberInput
            label={t('edit.assignFte')}
            value={personFte}
            onChange={setPersonFte}
            min={0.05}
            max={1}
            step={0.1}
            decimalScale={2}
            decimalSeparator=","
            maw={90}
          />
        </Group>
        <Group grow>
          <Button
            variant="light"
            disabled={!person}
            onClick={() =>
              void edit(() =>
                core.call('org.assignPerson', {
                  positionId,
                  personId: Number(person),
                  fte: Number(personFte),
                }),
              )
            }
          >
            {t('edit.assign')}
          </Button>
          <Button
            variant="default"
            disabled={position.holders.length === 0}
            onClick={() => void edit(() => core.call('org.markVacant', { positionId }))}
          >
            {t('edit.markVacant')}
          </Button>
        </Group>

        <Text fw={650} size="sm" mt="xs">
          {t('edit.links')}
        </Text>
        {links.length === 0 && <Text size="sm">{t('edit.noLinks')}</Text>}
        {links.map((l) => (
          <Group key={l.id} justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm">
              {nameOf(l.from)} ⇢ {nameOf(l.to)}: <em>{l.label}</em>
            </Text>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('edit.removeLink', { label: l.label })}
              onClick={() => void edit(() => core.call('org.removeLink', { linkId: l.id }))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Select
          label={t('edit.linkTarget')}
          data={targets}
          value={linkTarget}
          onChange={setLinkTarget}
          searchable
          limit={30}
        />
        <TextInput
          label={t('edit.linkLabel')}
          value={linkLabel}
          onChange={(e) => setLinkLabel(e.currentTarget.value)}
        />
        <Button
          variant="light"
          disabled={!linkTarget}
          onClick={() =>
            void edit(() =>
              core.call('org.addLink', {
                from: { kind: 'position', id: positionId },
                to: {
                  kind: linkTarget!.startsWith('u') ? 'unit' : 'position',
                  id: Number(linkTarget!.slice(1)),
                },
                label: linkLabel,
              }),
            )
          }
        >
          {t('edit.addLink')}
        </Button>

        <Text fw={650} size="sm" mt="xs">
          {t('edit.addChild')}
        </Text>
        <Group grow align="flex-end">
          <TextInput
            label={t('edit.newTitle')}
            value={newTitle}
            onChange={(e) => setNewTitle(e.currentTarget.value)}
          />
          <Button
            variant="light"
            maw={110}
            onClick={() =>
              void edit(() =>
                core.call('org.addPosition', {
                  unitId: position.unitId,
                  title: newTitle,
                  reportsToId: positionId,
                  scenarioId,
                }),
              ).then((done) => done && setNewTitle(''))
            }
          >
            {t('edit.add')}
          </Button>
        </Group>
        <Button
          color="red.9"
          variant="outline"
          mt="sm"
          onClick={() => void confirmDelete()}
          data-testid="edit-delete"
        >
          {t('edit.delete')}
        </Button>
      </Stack>
    </Paper>
  );
}
