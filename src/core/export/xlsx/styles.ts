import { xmlText } from './xml';

/**
 * The report's fixed style sheet: one name per look, each an index into `cellXfs`. A fixed
 * table keeps the writer streaming (no style registry growing with the data) and every sheet
 * consistent. Number formats are stored locale-neutral; Excel shows `1.234,50` in nl-BE.
 */
const CUSTOM_FORMATS = {
  euro: '"€" #,##0.00',
  euroWhole: '"€" #,##0',
  date: 'dd/mm/yyyy',
  percent: '0.0%',
  fte: '0.00',
  integer: '#,##0',
  month: 'mmm yyyy',
} as const;
type FormatName = keyof typeof CUSTOM_FORMATS;
const FORMAT_ID: Record<FormatName, number> = {
  euro: 164,
  euroWhole: 165,
  date: 166,
  percent: 167,
  fte: 168,
  integer: 169,
  month: 170,
};

/** fonts: 0 normal, 1 bold white (header), 2 bold, 3 title, 4 italic grey (notes), 5 link blue */
const FONTS = [
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/></font>',
  '<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/></font>',
  '<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/></font>',
  '<font><b/><sz val="16"/><color rgb="FF1F4E79"/><name val="Calibri"/><family val="2"/></font>',
  '<font><i/><sz val="10"/><color rgb="FF595959"/><name val="Calibri"/><family val="2"/></font>',
];
/** fills: 0/1 required by Excel, 2 header blue, 3 total grey, 4 group light blue */
const FILLS = [
  '<fill><patternFill patternType="none"/></fill>',
  '<fill><patternFill patternType="gray125"/></fill>',
  '<fill><patternFill patternType="solid"><fgColor rgb="FF1F4E79"/><bgColor indexed="64"/></patternFill></fill>',
  '<fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/><bgColor indexed="64"/></patternFill></fill>',
  '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>',
];
/** borders: 0 none, 1 thin top (totals) */
const BORDERS = [
  '<border><left/><right/><top/><bottom/><diagonal/></border>',
  '<border><left/><right/><top style="thin"><color auto="1"/></top><bottom/><diagonal/></border>',
];

type Xf = {
  format?: FormatName | 'general';
  font?: number;
  fill?: number;
  border?: number;
  wrap?: boolean;
};

const XFS = {
  default: {},
  text: {},
  header: { font: 1, fill: 2, wrap: true },
  number: {},
  integer: { format: 'integer' },
  fte: { format: 'fte' },
  euro: { format: 'euro' },
  euroWhole: { format: 'euroWhole' },
  date: { format: 'date' },
  percent: { format: 'percent' },
  month: { format: 'month' },
  bold: { font: 2 },
  title: { font: 3 },
  note: { font: 4, wrap: false },
  totalLabel: { font: 2, fill: 3, border: 1 },
  totalFte: { format: 'fte', font: 2, fill: 3, border: 1 },
  totalEuro: { format: 'euro', font: 2, fill: 3, border: 1 },
  totalInteger: { format: 'integer', font: 2, fill: 3, border: 1 },
  totalPercent: { format: 'percent', font: 2, fill: 3, border: 1 },
  groupLabel: { font: 2, fill: 4 },
  groupFte: { format: 'fte', font: 2, fill: 4 },
  groupInteger: { format: 'integer', font: 2, fill: 4 },
  groupEuro: { format: 'euro', font: 2, fill: 4 },
  /** Running text (the answer's draft paragraphs): wrapped in its cell. */
  paragraph: { wrap: true },
} as const satisfies Record<string, Xf>;

export type StyleName = keyof typeof XFS;

const STYLE_NAMES = Object.keys(XFS) as StyleName[];
const STYLE_INDEX = new Map(STYLE_NAMES.map((name, index) => [name, index]));

/** The `s` index of a style name. */
export function styleIndex(name: StyleName): number {
  return STYLE_INDEX.get(name) ?? 0;
}

/** The number format code a style shows its numbers with ("General" when none). */
export function styleFormatCode(name: StyleName): string {
  const xf: Xf = XFS[name];
  return xf.format && xf.format !== 'general' ? CUSTOM_FORMATS[xf.format] : 'General';
}

/** xl/styles.xml for the fixed table. */
export function stylesXml(): string {
  const numFmts = (Object.keys(CUSTOM_FORMATS) as FormatName[])
    .map(
      (name) =>
        `<numFmt numFmtId="${FORMAT_ID[name]}" formatCode="${xmlText(CUSTOM_FORMATS[name])}"/>`,
    )
    .join('');
  const xfs = STYLE_NAMES.map((name) => {
    const xf: Xf = XFS[name];
    const numFmtId = xf.format && xf.format !== 'general' ? FORMAT_ID[xf.format] : 0;
    const attrs = [
      `numFmtId="${numFmtId}"`,
      `fontId="${xf.font ?? 0}"`,
      `fillId="${xf.fill ?? 0}"`,
      `borderId="${xf.border ?? 0}"`,
      'xfId="0"',
      numFmtId ? 'applyNumberFormat="1"' : '',
      xf.font ? 'applyFont="1"' : '',
      xf.fill ? 'applyFill="1"' : '',
      xf.border ? 'applyBorder="1"' : '',
      xf.wrap ? 'applyAlignment="1"' : '',
    ].filter(Boolean);
    return xf.wrap
      ? `<xf ${attrs.join(' ')}><alignment vertical="center" wrapText="1"/></xf>`
      : `<xf ${attrs.join(' ')}/>`;
  }).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<numFmts count="${Object.keys(CUSTOM_FORMATS).length}">${numFmts}</numFmts>` +
    `<fonts count="${FONTS.length}">${FONTS.join('')}</fonts>` +
    `<fills count="${FILLS.length}">${FILLS.join('')}</fills>` +
    `<borders count="${BORDERS.length}">${BORDERS.join('')}</borders>` +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${STYLE_NAMES.length}">${xfs}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}
