import { IconFileExport } from '@tabler/icons-react';
import { ComingSoonScreen, integerFact } from '../../components/coming-soon';

const FACTS_SQL = /* sql */ `
  SELECT
    (SELECT count(*) FROM sqlite_schema
      WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\') AS tables,
    (SELECT count(*) FROM position) AS positions,
    (SELECT count(*) FROM pilot) AS pilots
`;

export function ExportScreen() {
  return (
    <ComingSoonScreen
      feature="export"
      icon={<IconFileExport size={30} />}
      factsSql={FACTS_SQL}
      facts={[
        { labelKey: 'comingSoon.facts.tables', format: integerFact('tables') },
        { labelKey: 'comingSoon.facts.positions', format: integerFact('positions') },
        { labelKey: 'comingSoon.facts.pilots', format: integerFact('pilots') },
      ]}
    />
  );
}
