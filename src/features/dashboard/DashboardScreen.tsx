import { IconChartBar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { numberOf, useSqlRow } from '../../app/use-sql';
import { ComingSoon } from '../../components/coming-soon';
import { intlLocale } from '../../i18n';
import { formatFte, formatInteger } from '../../i18n/formatters';

const FACTS_SQL = /* sql */ `
  SELECT
    (SELECT coalesce(sum(budget_fte * pillar4_share), 0) FROM position) AS pillar4_fte,
    (SELECT count(*) FROM pilot) AS pilots,
    (SELECT count(*) FROM municipality) AS municipalities
`;

export function DashboardScreen() {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const row = useSqlRow(FACTS_SQL);
  const int = (column: string) => {
    const value = numberOf(row, column);
    return value === null ? null : formatInteger(value, locale);
  };
  const fte = numberOf(row, 'pillar4_fte');
  return (
    <ComingSoon
      testId="screen-dashboard"
      icon={<IconChartBar size={30} />}
      title={t('comingSoon.dashboard.title')}
      description={t('comingSoon.dashboard.description')}
      bullets={t('comingSoon.dashboard.bullets', { returnObjects: true }) as string[]}
      facts={[
        {
          label: t('comingSoon.facts.pillar4Fte'),
          value: fte === null ? null : formatFte(fte, locale),
        },
        { label: t('comingSoon.facts.pilots'), value: int('pilots') },
        { label: t('comingSoon.facts.municipalities'), value: int('municipalities') },
      ]}
    />
  );
}
