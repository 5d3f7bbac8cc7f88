import { Text, useComputedColorScheme } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerOrgNode } from '../../core/answer/types';
import { layoutChart } from '../../core/org';
import { formatNumber } from '../../i18n/formatters';
import { wrapText, type CardText } from '../organigram/chart-model';
import { PALETTES } from '../organigram/chart-theme';
import { chartSvg } from '../organigram/export-svg';
import { answerTree } from './answer-model';
import classes from './answer.module.css';

/** Below this the cards' 11 px text gets too small to read: the drawing scrolls sideways. */
const MIN_SCALE = 0.8;

/**
 * 2. Waar in het organigram? — only the fourth-pillar positions and the units on their chain to
 * the top, laid out and drawn by the organigram's own code (layoutChart, its card shapes and
 * palette, its SVG writer), each box with its fourth-pillar FTE. The dotted cross-unit links
 * are listed under 4 instead: around a central fourth-pillar cell there are dozens, and drawn
 * here they hid the chart.
 */
export function CompactOrganigram({ nodes, locale }: { nodes: AnswerOrgNode[]; locale: string }) {
  const { t } = useTranslation('answer');
  const scheme = useComputedColorScheme('light');
  const drawing = useMemo(() => {
    if (nodes.length === 0) return null;
    const layout = layoutChart(answerTree(nodes));
    const texts = new Map<string, CardText>();
    const unitKinds = new Map<number, string>();
    for (const n of nodes) {
      const fte = t('org.fte', { fte: formatNumber(Math.round(n.fte * 10) / 10, locale, 1) });
      texts.set(n.key, {
        lines: wrapText(n.label, 32, 2),
        sub: n.sublabel,
        vacant: n.vacant,
        fte,
        pillar4: null,
        detail: null,
        issue: false,
      });
      if (n.kind === 'unit' && n.unitKind) unitKinds.set(n.id, n.unitKind);
    }
    const svg = chartSvg({
      layout,
      texts,
      palette: PALETTES[scheme],
      unitKinds,
      links: [],
      title: t('org.label'),
      inline: true,
    });
    return { svg, width: Math.ceil(layout.width), height: Math.ceil(layout.height) };
  }, [nodes, locale, scheme, t]);

  if (!drawing) {
    return (
      <Text size="sm" c="dimmed">
        {t('org.empty')}
      </Text>
    );
  }
  return (
    <div
      className={classes.org}
      role="img"
      // The drawing scrolls sideways below 80 %: keyboard users can scroll it too.
      tabIndex={0}
      aria-label={t('org.label')}
      data-testid="answer-org"
      data-cards={nodes.length}
      style={{ background: PALETTES[scheme].background }}
    >
      <div
        style={{
          width: '100%',
          minWidth: Math.round(drawing.width * MIN_SCALE),
          maxWidth: drawing.width,
          aspectRatio: `${drawing.width} / ${drawing.height}`,
        }}
        // The organigram's own SVG writer: escaped text, inline colours, no scripts.
        dangerouslySetInnerHTML={{ __html: drawing.svg }}
      />
    </div>
  );
}
