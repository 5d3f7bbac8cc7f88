import { Paper, Text, UnstyledButton } from '@mantine/core';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figure } from '../../core/answer/types';
import { formatAmount } from '../../i18n/formatters';
import type { TraceOpen } from '../dashboard/TraceDrawer';
import classes from './answer.module.css';

/** Where a click on a figure goes: the screen opens the dashboard's trace drawer. */
export type FigureContext = { locale: string; open: (trace: TraceOpen) => void };

export const FigureTrace = createContext<FigureContext>({ locale: 'nl-BE', open: () => {} });

export const formatFigure = (figure: Figure, locale: string, withUnit = true) =>
  formatAmount(figure.value, figure.unit, locale, withUnit);

/**
 * A figure as text that opens its trace when clicked (the rows it adds up from and their
 * import); a figure without a trace is plain text. `label` says what the figure is, for the
 * drawer's heading and the button's accessible name.
 */
export function FigureValue({
  figure,
  label,
  testId,
  withUnit = true,
}: {
  figure: Figure;
  label: string;
  testId?: string;
  /** Default true: "26,1 VTE"; false: "26,1" (in a table whose header says VTE). */
  withUnit?: boolean;
}) {
  const { t } = useTranslation('answer');
  const { locale, open } = useContext(FigureTrace);
  const text = formatFigure(figure, locale, withUnit);
  if (!figure.trace) {
    return (
      <span data-testid={testId} data-value={figure.value}>
        {text}
      </span>
    );
  }
  const trace = figure.trace;
  return (
    <UnstyledButton
      className={classes.figure}
      onClick={() => open({ ...trace, label: `${label}: ${formatFigure(figure, locale)}` })}
      aria-label={t('trace', { label, value: formatFigure(figure, locale) })}
      data-testid={testId}
      data-value={figure.value}
    >
      {text}
    </UnstyledButton>
  );
}

/** A headline figure in a card: label, the clickable number, a line of context. */
export function FigureCard({
  label,
  figure,
  hint,
  testId,
}: {
  label: string;
  figure: Figure;
  hint?: ReactNode;
  testId: string;
}) {
  return (
    <Paper p="md" radius="md" withBorder className={classes.kpi}>
      <Text size="xs" tt="uppercase" fw={700} lts={0.4} c="dimmed">
        {label}
      </Text>
      <Text fz={22} fw={700} lh={1.25} mt={4} className={classes.number}>
        <FigureValue figure={figure} label={label} testId={testId} />
      </Text>
      {hint && (
        <Text size="sm" mt={2} c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}
