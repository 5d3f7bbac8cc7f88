import { Accordion, Paper, Table, Text, Title } from '@mantine/core';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrossLink, DivisionPair, LinkEndInfo } from '../../core/answer/types';
import { formatInteger } from '../../i18n/formatters';
import { FigureTrace } from './FigureValue';
import { linksByLabel, names } from './answer-model';
import classes from './answer.module.css';

function End({ end }: { end: LinkEndInfo }) {
  return (
    <>
      <Text size="sm" fw={600} span>
        {end.label}
      </Text>{' '}
      <Text size="xs" c="dimmed" span>
        {[end.unitName, end.divisionName].filter(Boolean).join(' · ')}
      </Text>
    </>
  );
}

/** 4. Transversale werking — which divisions work together, and through which dotted lines. */
export function CrossUnitSection({ links, pairs }: { links: CrossLink[]; pairs: DivisionPair[] }) {
  const { t } = useTranslation('answer');
  const { locale } = useContext(FigureTrace);
  if (links.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('cross.empty')}
      </Text>
    );
  }
  const more = (n: number) => t('cross.more', { count: n });
  return (
    <Paper p="md" radius="md" withBorder>
      <Title order={4} mb="xs">
        {t('cross.pairs')}
      </Title>
      <Table fz="sm" verticalSpacing={4} mb="lg" data-testid="answer-pairs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cross.between')}</Table.Th>
            <Table.Th className={classes.numeric}>{t('cross.count')}</Table.Th>
            <Table.Th>{t('cross.through')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pairs.map((pair) => (
            <Table.Tr key={`${pair.a}|${pair.b}`}>
              <Table.Td fw={600}>{pair.a === pair.b ? pair.a : `${pair.a} ↔ ${pair.b}`}</Table.Td>
              <Table.Td className={classes.numeric}>{formatInteger(pair.links, locale)}</Table.Td>
              <Table.Td>{pair.labels.join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Title order={4} mb="xs">
        {t('cross.groups')}
      </Title>
      <Table fz="sm" verticalSpacing={4} data-testid="answer-link-groups">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cross.label')}</Table.Th>
            <Table.Th className={classes.numeric}>{t('cross.count')}</Table.Th>
            <Table.Th>{t('cross.from')}</Table.Th>
            <Table.Th>{t('cross.to')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {linksByLabel(links).map((group) => (
            <Table.Tr key={group.label} data-key={group.label}>
              <Table.Td fw={600}>{group.label}</Table.Td>
              <Table.Td className={classes.numeric}>
                {formatInteger(group.links.length, locale)}
              </Table.Td>
              <Table.Td>
                {names(
                  group.links.map((l) => l.from),
                  3,
                  more,
                )}
              </Table.Td>
              <Table.Td>
                {names(
                  group.links.map((l) => l.to),
                  3,
                  more,
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Accordion variant="contained" mt="md" className={classes.noPrint}>
        <Accordion.Item value="all">
          <Accordion.Control data-testid="answer-links-toggle">
            {t('cross.all', { count: links.length })}
          </Accordion.Control>
          <Accordion.Panel>
            <Table fz="sm" verticalSpacing={4} data-testid="answer-links">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cross.from')}</Table.Th>
                  <Table.Th>{t('cross.to')}</Table.Th>
                  <Table.Th>{t('cross.label')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {links.map((link) => (
                  <Table.Tr key={link.id} data-key={link.id}>
                    <Table.Td>
                      <End end={link.from} />
                    </Table.Td>
                    <Table.Td>
                      <End end={link.to} />
                    </Table.Td>
                    <Table.Td>{link.label}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Paper>
  );
}
