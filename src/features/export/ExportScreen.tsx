import { IconFileExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { numberOf, useSqlRow } from '../../app/use-sql';
import { ComingSoon } from '../../components/coming-soon';
import { intlLocale } from '../../i18n';
import { formatInteger } from '../../i18n/formatters';

const FACTS_SQL = /* sql */ `
  SELECT
    (SELECT count(*) FROM sqlite_schema
      WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\') AS tables,
    (SELECT count(*) FROM position) AS positions,
    (SELECT count(*) FROM pilot) AS pilots
`;

export function ExportScreen() {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const row = useSqlRow(FACTS_SQL);
  const int = (column: string) => {
    const value = numberOf(row, column);
    return value === null ? null : formatInteger(value, locale);
  };
  return (
    <ComingSoon
      testId="screen-export"
      icon={<IconFileExport size={30} />}
      title={t('comingSoon.export.title')}
      description={t('comingSoon.export.description')}
      bullets={t('comingSoon.export.bullets', { returnObjects: true }) as string[]}
      facts={[
        { label: t('comingSoon.facts.tables'), value: int('tables') },
        { label: t('comingSoon.facts.positions'), value: int('positions') },
        { label: t('comingSoon.facts.pilots'), value: int('pilots') },
      ]}
    />
  );
}
