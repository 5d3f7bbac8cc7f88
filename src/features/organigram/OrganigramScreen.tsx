import { IconHierarchy2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { numberOf, useSqlRow } from '../../app/use-sql';
import { ComingSoon } from '../../components/coming-soon';
import { intlLocale } from '../../i18n';
import { formatFte, formatInteger } from '../../i18n/formatters';

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
      testId="screen-organigram"
      icon={<IconHierarchy2 size={30} />}
      title={t('comingSoon.organigram.title')}
      description={t('comingSoon.organigram.description')}
      bullets={t('comingSoon.organigram.bullets', { returnObjects: true }) as string[]}
      facts={[
        { label: t('comingSoon.facts.units'), value: int('units') },
        { label: t('comingSoon.facts.positions'), value: int('positions') },
        { label: t('comingSoon.facts.vacancies'), value: int('vacancies') },
        {
          label: t('comingSoon.facts.pillar4Fte'),
          value: fte === null ? null : formatFte(fte, locale),
        },
      ]}
    />
  );
}
