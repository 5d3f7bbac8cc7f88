import { IconCalendarStats } from '@tabler/icons-react';
import { ComingSoonScreen, integerFact } from '../../components/coming-soon';
import { formatIsoDate } from '../../i18n/formatters';

const FACTS_SQL = /* sql */ `
  SELECT
    (SELECT count(*) FROM scenario) AS scenarios,
    (SELECT count(*) FROM allocation) AS allocations,
    (SELECT min(month) FROM allocation) AS first_month,
    (SELECT max(month) FROM allocation) AS last_month
`;

export function PlanningScreen() {
  return (
    <ComingSoonScreen
      feature="planning"
      icon={<IconCalendarStats size={30} />}
      factsSql={FACTS_SQL}
      facts={[
        { labelKey: 'comingSoon.facts.scenarios', format: integerFact('scenarios') },
        { labelKey: 'comingSoon.facts.allocations', format: integerFact('allocations') },
        {
          labelKey: 'comingSoon.facts.months',
          format: ({ first_month: first, last_month: last }, locale) =>
            typeof first === 'string' && typeof last === 'string'
              ? `${formatIsoDate(first, locale)} – ${formatIsoDate(last, locale)}`
              : '—',
        },
      ]}
    />
  );
}
