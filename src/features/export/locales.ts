/** The Export screen's and the tables' export strings (i18n namespace `export`). */
export const exportNl = {
  title: 'Exporteren',
  subtitle:
    'Het rapport "Vierde pijler — rapport" als Excel-werkmap om in verder te werken: totalen als formules, native grafieken, opmaak voor afdrukken.',
  report: {
    title: 'Rapport',
    scenario: 'Scenario',
    compare: 'Vergelijken met',
    noCompare: 'Geen vergelijking',
    grain: 'Periodes in het FTE-plan',
    grains: { month: 'Maanden', quarter: 'Kwartalen', year: 'Jaren' },
    activity: 'Activiteiten',
    activities: { pillar4: 'Alleen de vierde pijler', all: 'Alle activiteiten' },
    regions: 'Vraag per',
    regionKinds: { network: 'Netwerk (18)', agii: 'AgII-regio (6)' },
    sheets:
      'Bladen: Samenvatting, FTE-plan, Vraag en capaciteit, Organigram, Proeftuinen, Gemeenten, Scenariovergelijking en Grafieken.',
    run: 'Rapport exporteren',
  },
  sql: {
    title: 'Gegevens uit een query',
    label: 'SQL (alleen lezen)',
    format: 'Formaat',
    formats: { xlsx: 'Excel (.xlsx)', belgian: 'CSV (Belgisch: ; en ,)', plain: 'CSV (, en .)' },
    run: 'Query exporteren',
  },
  progress: 'Bezig met exporteren… {{done}} van {{total}}',
  progressRows: 'Bezig met exporteren… {{done}} rijen',
  cancel: 'Annuleren',
  saved: 'Opgeslagen als {{name}}.',
  savedRows: '{{rows}} rijen opgeslagen als {{name}}.',
  cancelled: 'De export is geannuleerd.',
  table: {
    button: 'Exporteren',
    xlsx: 'Excel-werkmap (.xlsx)',
    belgian: 'CSV voor Belgische Excel (; en ,)',
    plain: 'CSV (, en .)',
    hint: 'Alle rijen met de huidige filters, zoekterm en sortering.',
  },
};

export const exportEn: typeof exportNl = {
  title: 'Export',
  subtitle:
    'The report "Vierde pijler — rapport" as an Excel workbook to keep working in: totals as formulas, native charts, print-ready.',
  report: {
    title: 'Report',
    scenario: 'Scenario',
    compare: 'Compare with',
    noCompare: 'No comparison',
    grain: 'Periods in the FTE plan',
    grains: { month: 'Months', quarter: 'Quarters', year: 'Years' },
    activity: 'Activities',
    activities: { pillar4: 'Fourth pillar only', all: 'All activities' },
    regions: 'Demand per',
    regionKinds: { network: 'Network (18)', agii: 'AgII region (6)' },
    sheets:
      'Sheets: Summary, FTE plan, Demand and capacity, Organigram, Pilots, Municipalities, Scenario comparison and Charts (sheet names in Dutch).',
    run: 'Export report',
  },
  sql: {
    title: 'Data from a query',
    label: 'SQL (read-only)',
    format: 'Format',
    formats: { xlsx: 'Excel (.xlsx)', belgian: 'CSV (Belgian: ; and ,)', plain: 'CSV (, and .)' },
    run: 'Export query',
  },
  progress: 'Exporting… {{done}} of {{total}}',
  progressRows: 'Exporting… {{done}} rows',
  cancel: 'Cancel',
  saved: 'Saved as {{name}}.',
  savedRows: '{{rows}} rows saved as {{name}}.',
  cancelled: 'The export was cancelled.',
  table: {
    button: 'Export',
    xlsx: 'Excel workbook (.xlsx)',
    belgian: 'CSV for Belgian Excel (; and ,)',
    plain: 'CSV (, and .)',
    hint: 'Every row with the current filters, search and sort.',
  },
};
