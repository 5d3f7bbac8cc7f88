import { IconChartBar } from '@tabler/icons-react';
import { ComingSoonScreen, fteFact, integerFact } from '../../components/coming-soon';

const FACTS_SQL = /* sql */ `
  SELECT
    (SELECT coalesce(sum(budget_fte * pillar4_share), 0) FROM position) AS pillar4_fte,
    (SELECT count(*) FROM pilot) AS pilots,
    (SELECT count(*) FROM municipality) AS municipalities
`;

export function DashboardScreen() {
  return (
    <ComingSoonScreen
      feature="dashboard"
      icon={<IconChartBar size={30} />}
      factsSql={FACTS_SQL}
      facts={[
        { labelKey: 'comingSoon.facts.pillar4Fte', format: fteFact('pillar4_fte') },
        { labelKey: 'comingSoon.facts.pilots', format: integerFact('pilots') },
        { labelKey: 'comingSoon.facts.municipalities', format: integerFact('municipalities') },
      ]}
    />
  );
}
