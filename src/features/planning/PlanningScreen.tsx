import { IconCalendarStats } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { numberOf, useSqlRow } from '../../app/use-sql';
import { ComingSoon } from '../../components/coming-soon';
import { intlLocale } from '../../i18n';
import { formatInteger, formatIsoDate } from '../../i18n/formatters';

const FACTS_SQL = /* sql */ `
  SELECT
    (SELECT count(*) FROM scenario) AS scenarios,
    (SELECT count(*) FROM allocation) AS allocations,
    (SELECT min(month) FROM allocation) AS first_month,
    (SELECT max(month) FROM allocation) AS last_month
`;

export function PlanningScreen() {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const row = useSqlRow(FACTS_SQL);
  const int = (column: string) => {
    const value = numberOf(row, column);
    return value === null ? null : formatInteger(value, locale);
  };
  const first = row?.first_month;
  const last = row?.last_month;
  const period =
    typeof first === 'string' && typeof last === 'string'
      ? `${formatIsoDate(first, locale)} – ${formatIsoDate(last, locale)}`
      : row
        ? '—'
        : null;
  return (
    <ComingSoon
      testId="screen-planning"
      icon={<IconCalendarStats size={30} />}
      title={t('comingSoon.planning.title')}
      description={t('comingSoon.planning.description')}
      bullets={t('comingSoon.planning.bullets', { returnObjects: true }) as string[]}
      facts={[
        { label: t('comingSoon.facts.scenarios'), value: int('scenarios') },
        { label: t('comingSoon.facts.allocations'), value: int('allocations') },
        { label: t('comingSoon.facts.months'), value: period },
      ]}
    />
  );
}
