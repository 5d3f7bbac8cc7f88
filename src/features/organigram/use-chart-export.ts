import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCore, useHost } from '../../app/core-context';
import type { ChartLayout, OrgWhen } from '../../core/org';
import type { CardState } from './card-shapes';
import type { CardTexts } from './chart-model';
import { PALETTES } from './chart-theme';
import { chartHeight, chartSvg, svgToPng, type ExportLink } from './export-svg';

export type ChartExportInput = {
  layout: ChartLayout;
  texts: CardTexts;
  unitKinds: Map<number, string>;
  links: ExportLink[];
  changes: Map<string, NonNullable<CardState['change']>> | null;
  title: string;
  /** File names start with this (organigram-2026-12-01). */
  base: string;
  when: OrgWhen;
};

/**
 * The chart's exports: SVG (self-contained, light palette for paper and slides), PNG (2×,
 * within canvas limits) and the Excel workbook (hierarchy as outline rows, made by the core).
 */
export function useChartExport() {
  const { t } = useTranslation('organigram');
  const host = useHost();
  const core = useCore();
  return async (format: 'svg' | 'png' | 'xlsx', input: ChartExportInput) => {
    try {
      let bytes: Uint8Array;
      if (format === 'xlsx') {
        const made = await core.call('org.exportXlsx', input.when);
        if (!made.ok) throw new Error(made.error.message);
        bytes = made.value.file;
      } else {
        const svg = chartSvg({
          layout: input.layout,
          texts: input.texts,
          palette: PALETTES.light,
          unitKinds: input.unitKinds,
          links: input.links,
          changes: input.changes,
          title: input.title,
        });
        const height = chartHeight(input.layout, input.links.length > 0);
        bytes =
          format === 'svg'
            ? new TextEncoder().encode(svg)
            : await svgToPng(svg, Math.ceil(input.layout.width), height);
      }
      const saved = await host.saveExport(bytes, `${input.base}.${format}`);
      if (!saved.ok) throw new Error(saved.message);
      if (saved.value)
        notifications.show({ color: 'petrol', message: t('exported', { name: saved.value }) });
    } catch (failure) {
      notifications.show({
        color: 'red',
        title: t('exportFailed'),
        message: failure instanceof Error ? failure.message : String(failure),
      });
    }
  };
}
