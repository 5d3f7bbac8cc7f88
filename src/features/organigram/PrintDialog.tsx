import { Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { PALETTES } from './chart-theme';
import { chartHeight, chartSvg, touches } from './export-svg';
import classes from './organigram.module.css';
import { PAPERS, printPlan, type Paper } from './print-pages';
import type { ChartExportInput } from './use-chart-export';

const SCALES = ['0.4', '0.6', '0.8', '1'];

type Props = Pick<
  ChartExportInput,
  'layout' | 'texts' | 'unitKinds' | 'links' | 'changes' | 'title'
> & {
  opened: boolean;
  onClose(): void;
};

/**
 * Print or "save as PDF": the chart split into A4/A3 landscape pages that overlap a little.
 * While the dialog is open, the pages sit in a print-only container; each page is an SVG of
 * its own part of the chart with only the cards that touch it (culling: a 30-page print draws
 * each card once or twice, not 30 times). The same pages serve the browser's print dialog,
 * Electron's print and Chromium's PDF (page.pdf in the tests).
 */
export function PrintDialog(props: Props) {
  const { t } = useTranslation('organigram');
  const [paper, setPaper] = useState<Paper>('A3');
  const [scale, setScale] = useState('0.6');
  const { layout } = props;
  // Only while the dialog is open: closed, the plan is not shown (it cost ~6 ms of every
  // relayout, the first render included).
  const plan = useMemo(() => {
    if (!props.opened) return { cols: 0, rows: 0, pages: [] };
    const height = chartHeight(layout, props.links.length > 0);
    const all = printPlan(layout.width, height, paper, Number(scale));
    // Pages with no card on them (the gaps of a wide chart) are left out.
    const pages = all.pages.filter((page) =>
      layout.cards.some((c) => touches(page, c.x, c.y, c.w, c.h)),
    );
    return { ...all, pages };
  }, [layout, paper, scale, props.links.length, props.opened]);

  return (
    <>
      <Modal
        opened={props.opened}
        onClose={props.onClose}
        title={t('print.title')}
        data-testid="org-print-dialog"
      >
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('print.paper')}
            </Text>
            <SegmentedControl
              value={paper}
              onChange={(value) => setPaper(value as Paper)}
              data={Object.keys(PAPERS)}
              aria-label={t('print.paper')}
              data-testid="org-print-paper"
            />
          </div>
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('print.scale')}
            </Text>
            <SegmentedControl
              value={scale}
              onChange={setScale}
              data={SCALES.map((value) => ({
                value,
                label: `${Math.round(Number(value) * 100)} %`,
              }))}
              aria-label={t('print.scale')}
              data-testid="org-print-scale"
            />
          </div>
          <Text size="sm" data-testid="org-print-pages" data-pages={plan.pages.length}>
            {t('print.pages', { count: plan.pages.length, cols: plan.cols, rows: plan.rows })}
          </Text>
          <Text size="sm">{t('print.hint')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('edit.cancel')}
            </Button>
            <Button
              leftSection={<IconPrinter size={16} />}
              onClick={() => window.print()}
              data-testid="org-print-go"
            >
              {t('print.go')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {props.opened &&
        createPortal(<PrintPages {...props} paper={paper} pages={plan.pages} />, document.body)}
    </>
  );
}

function PrintPages({
  layout,
  texts,
  unitKinds,
  links,
  changes,
  title,
  paper,
  pages,
}: Props & { paper: Paper; pages: ReturnType<typeof printPlan>['pages'] }) {
  const { t } = useTranslation('organigram');
  const size = PAPERS[paper];
  const svgs = useMemo(
    () =>
      pages.map((region) =>
        chartSvg({
          layout,
          texts,
          palette: PALETTES.light,
          unitKinds,
          links,
          changes,
          title,
          region,
          inline: true,
        }),
      ),
    [pages, layout, texts, unitKinds, links, changes, title],
  );
  return (
    <div className={classes.printRoot} data-org-print data-testid="org-print">
      <style>{`@page { size: ${size.cssSize}; margin: 10mm; }`}</style>
      {svgs.map((svg, i) => (
        <section
          key={i}
          className={classes.printPage}
          style={{ width: size.w, height: size.h }}
          data-testid="org-print-page"
        >
          <div className={classes.printChart} dangerouslySetInnerHTML={{ __html: svg }} />
          <div className={classes.printFooter}>
            <span>{title}</span>
            <span>{t('print.page', { n: i + 1, total: svgs.length })}</span>
          </div>
        </section>
      ))}
    </div>
  );
}
