import { Badge, Paper, Table, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Fragment, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainStep, SteeredTeam } from '../../core/answer/types';
import { formatInteger, formatNumber } from '../../i18n/formatters';
import { FigureTrace } from './FigureValue';
import classes from './answer.module.css';

/** "Teamleider (An Peeters) › Afdelingshoofd (…) › Administrateur-generaal (…)", drawn as steps. */
function Chain({ steps }: { steps: ChainStep[] }) {
  const { t } = useTranslation('answer');
  return (
    <span className={classes.chain} data-testid="answer-chain">
      {steps.map((step, index) => (
        <Fragment key={step.positionId}>
          {index > 0 && <IconChevronRight size={14} aria-hidden />}
          <Badge
            variant={index === steps.length - 1 ? 'filled' : 'light'}
            color="petrol"
            tt="none"
            size="lg"
            radius="sm"
            fw={600}
            title={step.unitName}
          >
            {step.title} ({step.holder ?? t('steering.vacant')})
          </Badge>
        </Fragment>
      ))}
    </span>
  );
}

/** 3. Hoe aangestuurd? — each fourth-pillar team and its solid line up to the director. */
export function SteeringSection({ teams }: { teams: SteeredTeam[] }) {
  const { t } = useTranslation('answer');
  const { locale } = useContext(FigureTrace);
  if (teams.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('steering.empty')}
      </Text>
    );
  }
  return (
    <Paper p="md" radius="md" withBorder>
      <Table fz="sm" verticalSpacing="xs" data-testid="answer-steering">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('steering.team')}</Table.Th>
            <Table.Th>{t('steering.division')}</Table.Th>
            <Table.Th className={classes.numeric}>{t('steering.positions')}</Table.Th>
            <Table.Th className={classes.numeric}>{t('steering.fte')}</Table.Th>
            <Table.Th>{t('steering.chain')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.map((team) => (
            <Table.Tr key={team.unitId} data-key={team.unitId}>
              <Table.Td fw={600}>{team.unitName}</Table.Td>
              <Table.Td>{team.divisionName ?? '—'}</Table.Td>
              <Table.Td className={classes.numeric}>
                {formatInteger(team.positions, locale)}
              </Table.Td>
              <Table.Td className={classes.numeric} data-column="fte">
                {formatNumber(Math.round(team.fte * 10) / 10, locale, 1)}
              </Table.Td>
              <Table.Td>
                <Chain steps={team.chain} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
