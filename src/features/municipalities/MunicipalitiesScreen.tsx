import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { Page } from '../../components/page';

/** Codes shown by name beside them; the codes stay queryable (filters) but hidden. */
const COLUMNS: DataTableColumn[] = [
  { name: 'reference_region_code', hidden: true },
  { name: 'network_code', hidden: true },
  { name: 'agii_region_code', hidden: true },
  { name: 'inhabitants_2020', kind: 'integer' },
  { name: 'pilot_count', kind: 'integer' },
];

/** Gemeenten: the Flemish municipalities with their regions, population and pilots. */
export function MunicipalitiesScreen() {
  const { t } = useTranslation();
  return (
    <Page
      title={t('municipalities.title')}
      subtitle={t('municipalities.subtitle')}
      testId="screen-municipalities"
    >
      <DataTable
        table="municipality_overview"
        label={t('municipalities.title')}
        columns={COLUMNS}
        leadingColumns={['nis_code', 'name', 'inhabitants_2020', 'pilot_count', 'province']}
        countLabel={(count) => t('municipalities.count', { count })}
        defaultSort={{ column: 'name', direction: 'asc' }}
      />
    </Page>
  );
}
