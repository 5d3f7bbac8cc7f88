import { IconHierarchy2 } from '@tabler/icons-react';
import { ComingSoonScreen, fteFact, integerFact } from '../../components/coming-soon';

/** A position without a current assignment is a vacancy (schema: assignment). */
const FACTS_SQL = /* sql */ `
  SELECT
    (SELECT count(*) FROM org_unit) AS units,
    (SELECT count(*) FROM position) AS positions,
    (SELECT count(*) FROM position p WHERE NOT EXISTS (
       SELECT 1 FROM assignment a WHERE a.position_id = p.id
         AND (a.valid_to IS NULL OR a.valid_to >= date('now')))) AS vacancies,
    (SELECT coalesce(sum(budget_fte * pillar4_share), 0) FROM position) AS pillar4_fte
`;

export function OrganigramScreen() {
  return (
    <ComingSoonScreen
      feature="organigram"
      icon={<IconHierarchy2 size={30} />}
      factsSql={FACTS_SQL}
      facts={[
        { labelKey: 'comingSoon.facts.units', format: integerFact('units') },
        { labelKey: 'comingSoon.facts.positions', format: integerFact('positions') },
        { labelKey: 'comingSoon.facts.vacancies', format: integerFact('vacancies') },
        { labelKey: 'comingSoon.facts.pillar4Fte', format: fteFact('pillar4_fte') },
      ]}
    />
  );
}
