import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/date-field';
import { Page } from '../../components/page';
import type { AnswerRequest, AnswerSectionId } from '../../core/answer/types';
import { intlLocale } from '../../i18n';
import { formatIsoDate } from '../../i18n/formatters';
import { TraceDrawer, type TraceOpen } from '../dashboard/TraceDrawer';
import { AnswerExportMenu, TextExportButtons, useAnswerExport } from './AnswerExports';
import { CompactOrganigram } from './CompactOrganigram';
import { CrossUnitSection } from './CrossUnitSection';
import { DraftText } from './DraftText';
import { FigureTrace, type FigureContext } from './FigureValue';
import { HowManySection } from './HowManySection';
import { PilotsSection } from './PilotsSection';
import { SteeringSection } from './SteeringSection';
import { useAnswer } from './use-answer';
import classes from './answer.module.css';

type SectionKey = AnswerSectionId | 'text';
const SECTIONS: readonly SectionKey[] = [
  'howMany',
  'where',
  'steering',
  'crossUnit',
  'pilots',
  'text',
];
const sectionId = (key: SectionKey) => `answer-section-${key}`;

function Section({ id, children }: { id: SectionKey; children: ReactNode }) {
  const { t } = useTranslation('answer');
  const question = t(`sections.${id}.question`);
  return (
    <section
      id={sectionId(id)}
      className={classes.section}
      aria-labelledby={`${sectionId(id)}-title`}
      data-testid={sectionId(id)}
    >
      <Title order={3} id={`${sectionId(id)}-title`}>
        {t(`sections.${id}.title`)}
      </Title>
      {question && (
        <Text size="sm" c="dimmed" className={classes.question} mb="sm">
          {question}
        </Text>
      )}
      {children}
    </section>
  );
}

/**
 * "Vierde pijler in cijfers": the parliamentary question answered from the workspace for a
 * scenario and a reference day — five sections, a draft answer text, exports — every figure
 * clickable to its rows and source import (the dashboard's trace).
 */
export function AnswerScreen() {
  const { t, i18n } = useTranslation('answer');
  const locale = intlLocale(i18n.language);
  const [request, setRequest] = useState<AnswerRequest>({});
  const [trace, setTrace] = useState<TraceOpen | null>(null);
  const { options, answer, error } = useAnswer(request);
  const job = useAnswerExport(answer);
  const figures = useMemo<FigureContext>(() => ({ locale, open: setTrace }), [locale]);

  const scenarios = options?.scenarios ?? [];
  return (
    <Page
      title={t('title')}
      subtitle={t('subtitle')}
      testId="screen-answer"
      actions={<AnswerExportMenu job={job} disabled={!answer} />}
    >
      <Group align="flex-end" gap="md" className={classes.noPrint}>
        <Select
          label={t('scenario')}
          data={scenarios.map((s) => ({
            value: String(s.id),
            label: `${s.name} (${s.approved ? t('approved') : t('draft')})`,
          }))}
          value={answer ? String(answer.scenario.id) : null}
          onChange={(value) => value && setRequest((r) => ({ ...r, scenarioId: Number(value) }))}
          allowDeselect={false}
          w={300}
          data-testid="answer-scenario"
        />
        <DateField
          label={t('date')}
          value={request.date ?? answer?.date ?? null}
          onChange={(value) => value && setRequest((r) => ({ ...r, date: value }))}
          w={180}
          data-testid="answer-date"
        />
        <Group gap={6} pb={6}>
          {SECTIONS.map((key) => (
            <Button
              key={key}
              size="compact-sm"
              variant="subtle"
              onClick={() =>
                document.getElementById(sectionId(key))?.scrollIntoView({ block: 'start' })
              }
            >
              {t(`sections.${key}.title`)}
            </Button>
          ))}
        </Group>
      </Group>

      {error && (
        <Alert color="red" icon={<IconAlertTriangle />} data-testid="answer-error">
          {options && scenarios.length === 0 ? t('noScenario') : t('error', { message: error })}
        </Alert>
      )}
      {!answer ? (
        !error && (
          <Center h={240}>
            <Loader aria-label={t('loading')} />
          </Center>
        )
      ) : (
        <FigureTrace.Provider value={figures}>
          <Group gap="xs" data-testid="answer-context">
            <Badge color={answer.scenario.approved ? 'petrol' : 'gray'} variant="light">
              {answer.scenario.approved ? t('approved') : t('draft')}
            </Badge>
            <Text size="sm">
              {t('context', {
                date: formatIsoDate(answer.date, locale),
                scenario: answer.scenario.name,
                from: formatIsoDate(answer.horizon.from, locale),
                to: formatIsoDate(answer.horizon.to, locale),
                dataDate: formatIsoDate(answer.dataDate, locale),
              })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('traceHint')}
            </Text>
          </Group>
          <Stack gap={40} pb="xl">
            <Section id="howMany">
              <HowManySection data={answer.howMany} month={answer.month} />
            </Section>
            <Section id="where">
              <Text size="sm" c="dimmed" mb="xs">
                {t('org.legend')}
              </Text>
              <CompactOrganigram nodes={answer.where.nodes} locale={locale} />
            </Section>
            <Section id="steering">
              <SteeringSection teams={answer.steering} />
            </Section>
            <Section id="crossUnit">
              <CrossUnitSection links={answer.crossUnit.links} pairs={answer.crossUnit.pairs} />
            </Section>
            <Section id="pilots">
              <PilotsSection data={answer.pilots} />
            </Section>
            <Section id="text">
              <DraftText text={answer.text} exports={<TextExportButtons job={job} />} />
            </Section>
          </Stack>
        </FigureTrace.Provider>
      )}
      <TraceDrawer
        open={trace}
        locale={locale}
        onClose={() => setTrace(null)}
        onDrill={() => setTrace(null)}
      />
    </Page>
  );
}
