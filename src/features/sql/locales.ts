/** The SQL screen's strings (i18n namespace `sql`). */
export const sqlNl = {
  title: 'SQL',
  subtitle:
    'Vraag de werkruimte zelf op met SQL, alleen lezen: niets wordt veranderd. Het resultaat gaat naar Excel of CSV.',
  label: 'SQL-query (alleen lezen)',
  hint: 'Eén SELECT-instructie. Ctrl+Enter voert ze uit.',
  run: 'Uitvoeren',
  cancel: 'Annuleren',
  running: 'Query loopt…',
  rows: 'Rijen {{from}}–{{to}}',
  more: 'er zijn meer rijen',
  previous: 'Vorige pagina',
  next: 'Volgende pagina',
  empty: 'De query gaf geen rijen.',
  failed: 'De query liep niet',
  resultLabel: 'Resultaat van de query',
  fileBase: 'query',
};

export const sqlEn: typeof sqlNl = {
  title: 'SQL',
  subtitle:
    'Query the workspace yourself with SQL, read-only: nothing is changed. Export the result to Excel or CSV.',
  label: 'SQL query (read-only)',
  hint: 'One SELECT statement. Ctrl+Enter runs it.',
  run: 'Run',
  cancel: 'Cancel',
  running: 'Query running…',
  rows: 'Rows {{from}}–{{to}}',
  more: 'there are more rows',
  previous: 'Previous page',
  next: 'Next page',
  empty: 'The query returned no rows.',
  failed: 'The query did not run',
  resultLabel: 'Query result',
  fileBase: 'query',
};
