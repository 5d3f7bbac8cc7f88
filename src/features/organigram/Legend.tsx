import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChartPalette } from './chart-theme';

/** What the lines and marks on the chart mean. */
export function Legend({ palette }: { palette: ChartPalette }) {
  const { t } = useTranslation('organigram');
  const item = (swatch: React.ReactNode, label: string) => (
    <Group gap={6} wrap="nowrap">
      <svg width={34} height={14} aria-hidden>
        {swatch}
      </svg>
      <Text size="xs">{label}</Text>
    </Group>
  );
  return (
    <Group gap="lg" data-testid="org-legend">
      {item(
        <line x1={0} y1={7} x2={34} y2={7} stroke={palette.line} strokeWidth={2} />,
        t('legend.reporting'),
      )}
      {item(
        <line
          x1={0}
          y1={7}
          x2={34}
          y2={7}
          stroke={palette.link}
          strokeWidth={2}
          strokeDasharray="2 4"
          strokeLinecap="round"
        />,
        t('legend.link'),
      )}
      {item(
        <rect
          x={1}
          y={1}
          width={32}
          height={12}
          rx={3}
          fill="none"
          stroke={palette.vacant}
          strokeDasharray="5 3"
        />,
        t('legend.vacant'),
      )}
      {item(
        <rect x={13} y={1} width={8} height={12} rx={2} fill={palette.pillar4} />,
        t('legend.pillar4'),
      )}
    </Group>
  );
}
