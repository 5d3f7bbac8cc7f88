import ExcelJS from 'exceljs';

/**
 * The four spreadsheets of the fresh-spreadsheet test, as a manager's own files look: an
 * organigram export (Visio-style columns), an HR export of positions and people under a title
 * row, an allocation plan and a newcomer forecast — Dutch headers throughout.
 */

async function workbook(
  sheetName: string,
  rows: (string | number | null)[][],
  options: { title?: string[]; percentColumn?: number } = {},
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  if (options.title) {
    for (const line of options.title) sheet.addRow([line]);
    sheet.getCell('A1').font = { bold: true, size: 14 };
  }
  for (const row of rows) sheet.addRow(row);
  if (options.percentColumn) sheet.getColumn(options.percentColumn).numFmt = '0%';
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Organisation units, as a Visio organigram's shape data exports them. */
export const orgUnits = () =>
  workbook('Eenheden', [
    ['Eenheidscode', 'Naam', 'Soort', 'Valt onder'],
    ['AG', 'Agentschap Proef', 'Agentschap', null],
    ['OD', 'Operationele Diensten', 'Afdeling', 'AG'],
    ['VO', 'Vorming', 'Afdeling', 'AG'],
    ['P4', 'Cel Vierde Pijler', 'Dienst', 'OD'],
  ]);

/** The HR export: positions with their holders, a title block above the header. */
export const positions = () =>
  workbook(
    'Personeel',
    [
      [
        'Functie ID',
        'Functietitel',
        'Naam medewerker',
        'Personeelsnummer',
        'Rapporteert aan',
        'Eenheid',
        'VTE',
        'Aandeel vierde pijler',
        'Functiefamilie',
      ],
      [
        'AG-01',
        'Administrateur-generaal',
        'Eva Peeters',
        'P001',
        null,
        'AG',
        1,
        0,
        'Administrateur-generaal',
      ],
      [
        'OD-01',
        'Afdelingshoofd Operationele Diensten',
        'Jan Claes',
        'P002',
        'AG-01',
        'OD',
        1,
        0,
        'Afdelingshoofd',
      ],
      [
        'VO-01',
        'Afdelingshoofd Vorming',
        'Mia Jacobs',
        'P003',
        'AG-01',
        'VO',
        1,
        0,
        'Afdelingshoofd',
      ],
      [
        'P4-01',
        'Teamleider Vierde Pijler',
        'Ann Wouters',
        'P004',
        'OD-01',
        'P4',
        1,
        0.5,
        'Teamleider',
      ],
      ['P4-02', 'Netwerkcoach Limburg', 'Tom Maes', 'P005', 'P4-01', 'P4', 1, 1, 'Netwerkcoach'],
      ['P4-03', 'Netwerkcoach Kempen', null, null, 'P4-01', 'P4', 0.8, 1, 'Netwerkcoach'],
      [
        'VO-02',
        'Lesgever MO',
        'Sara Lambrecht',
        'P006',
        'VO-01',
        'VO',
        1,
        0.2,
        'Lesgever maatschappelijke oriëntatie',
      ],
    ],
    {
      title: ['Personeelsoverzicht — toestand op 1 januari 2023', 'Bron: HR-export'],
      percentColumn: 8,
    },
  );

export const MONTHS = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'];

/** Fourth-pillar FTE per position and month (the rest of each position's time on other work). */
export const PLAN: Record<string, (month: string) => number> = {
  'P4-01': () => 0.5,
  // The Limburg network coach starts at 0,6 and goes full time on the fourth pillar in April.
  'P4-02': (month) => (month < '2023-04' ? 0.6 : 1),
  'P4-03': () => 0.8,
  'VO-02': () => 0.2,
};

/** The allocation plan: scenario × position × activity × (region) × month → FTE. */
export const allocationPlan = () => {
  const rows: (string | number | null)[][] = [
    ['Scenario', 'Functie', 'Activiteit', 'Regio', 'Maand', 'VTE'],
  ];
  for (const month of MONTHS) {
    const [year, m] = month.split('-');
    const when = `${m}/${year}`;
    for (const [position, fte] of Object.entries(PLAN)) {
      rows.push([
        'Plan 2023',
        position,
        'pillar4',
        position === 'P4-02' ? 'REFREG15' : null,
        when,
        fte(month),
      ]);
    }
    rows.push(['Plan 2023', 'P4-01', 'management', null, when, 0.5]);
    rows.push(['Plan 2023', 'VO-02', 'civic_orientation', null, when, 0.8]);
  }
  return workbook('Plan', rows);
};

/** Genk (Limburg network, REFREG15) expects 1.200 newcomers in 2023. */
export const GENK_NEWCOMERS_2023 = 1200;

export const newcomerForecast = () =>
  workbook('Prognose', [
    ['NIS-code', 'Jaar', 'Verwachte nieuwkomers', 'Bron'],
    ['71016', 2023, GENK_NEWCOMERS_2023, 'Prognose AgII'],
  ]);
