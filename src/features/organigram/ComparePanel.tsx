import { Badge, Card, Group, ScrollArea, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrgDiff, OrgView, PositionChange } from '../../core/org';
import { PALETTES } from './chart-theme';

const KIND_ORDER: PositionChange['kind'][] = ['added', 'moved', 'fte-changed', 'removed'];

/**
 * The comparison in words: how many positions were added, moved, changed in FTE or removed
 * against the other scenario/date, the FTE deltas, and every change — click one to show it on
 * the chart. The same diff marks the cards.
 */
export function ComparePanel({
  diff,
  view,
  against,
  locale,
  onJump,
}: {
  diff: OrgDiff;
  view: OrgView;
  against: string;
  locale: string;
  onJump(key: string): void;
}) {
  const { t } = useTranslation('organigram');
  const number = (value: number, signed = false) =>
    value.toLocaleString(locale, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 2,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
  const percent = (share: number | undefined) => Math.round((share ?? 0) * 100);
  const units = new Map(view.snapshot.units.map((u) => [u.id, u.name]));
  const positions = new Map(view.snapshot.positions.map((p) => [p.id, p.title]));
  const count = (kind: PositionChange['kind']) =>
    diff.changes.filter((change) => change.kind === kind).length;
  const place = (side: PositionChange['before']) =>
    [
      side?.unitId !== undefined ? units.get(side.unitId) : undefined,
      side?.reportsToId ? positions.get(side.reportsToId) : undefined,
    ]
      .filter(Boolean)
      .join(' · ') || '—';
  const detail = (change: PositionChange) => {
    if (change.kind === 'moved')
      return t('compare.movedDetail', { from: place(change.before), to: place(change.after) });
    if (change.kind === 'fte-changed')
      return t('compare.fteDetail', {
        before: number(change.before?.budgetFte ?? 0),
        after: number(change.after?.budgetFte ?? 0),
        shareBefore: percent(change.before?.pillar4Share),
        shareAfter: percent(change.after?.pillar4Share),
      });
    if (change.kind === 'removed') return t('compare.removedDetail');
    return '';
  };
  const sorted = [...diff.changes].sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.title.localeCompare(b.title),
  );
  return (
    <Card withBorder padding="sm" data-testid="org-compare-panel">
      <Stack gap={6}>
        <Title order={3} size="h5">
          {t('compare.title')}
        </Title>
        <Text size="sm">{against}</Text>
        <Text size="sm" fw={600} data-testid="org-compare-summary">
          {t('compare.summary', {
            added: count('added'),
            moved: count('moved'),
            changed: count('fte-changed'),
            removed: count('removed'),
          })}
        </Text>
        <Text size="sm" data-testid="org-compare-fte">
          {t('compare.fteDelta', {
            value: number(diff.fteDelta, true),
            pillar4: number(diff.pillar4FteDelta, true),
          })}
        </Text>
        {sorted.length === 0 ? (
          <Text size="sm">{t('compare.nothing')}</Text>
        ) : (
          <ScrollArea.Autosize mah={360}>
            <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {sorted.map((change, i) => (
                <li key={`${change.kind}-${change.positionId}-${i}`}>
                  <UnstyledButton
                    onClick={() => change.kind !== 'removed' && onJump(`p${change.positionId}`)}
                    data-testid="org-compare-item"
                    data-kind={change.kind}
                    data-position={change.positionId}
                    style={{ width: '100%' }}
                  >
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <Badge
                        size="sm"
                        variant="filled"
                        color={
                          change.kind === 'removed' ? 'gray.8' : PALETTES.light.change[change.kind]
                        }
                        style={{ flex: 'none' }}
                      >
                        {t(`compare.kinds.${change.kind}`)}
                      </Badge>
                      <div>
                        <Text size="sm" fw={600}>
                          {change.title}
                        </Text>
                        <Text size="xs">{detail(change)}</Text>
                      </div>
                    </Group>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Card>
  );
}
