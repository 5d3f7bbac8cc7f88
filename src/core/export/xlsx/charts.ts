import { xmlText } from './xml';

/**
 * Native Excel charts (DrawingML): the series point at cell ranges (`<c:f>`) so they follow the
 * cells, and carry cached values so they show before anything recalculates. exceljs cannot
 * write charts; we write the package ourselves, so the chart, its drawing, the relationships and
 * the content types are just more parts.
 */
export type ChartSeries = {
  /** Reference of the cell holding the series name, e.g. `'Grafieken'!$B$3`. */
  nameRef: string;
  name: string;
  valuesRef: string;
  values: readonly (number | null)[];
  /** RGB hex without '#'. */
  color: string;
};

export type ChartSpec = {
  kind: 'stacked-column' | 'clustered-column' | 'line';
  title: string;
  categoriesRef: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  valueAxisTitle?: string;
  /** Pins the value axis's lower end (0 for columns of FTE, which LibreOffice may otherwise start at 18). */
  valueAxisMin?: number;
  /** Where the chart sits on its sheet: 0-based columns/rows, `to` exclusive. */
  anchor: { fromColumn: number; fromRow: number; toColumn: number; toRow: number };
};

/** Okabe–Ito, the colour-blind-safe palette the dashboard uses. */
export const OKABE_ITO = {
  blue: '0072B2',
  orange: 'E69F00',
  skyBlue: '56B4E9',
  green: '009E73',
  yellow: 'F0E442',
  vermillion: 'D55E00',
  purple: 'CC79A7',
  black: '000000',
} as const;

export const OKABE_ITO_SERIES = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.green,
  OKABE_ITO.vermillion,
  OKABE_ITO.skyBlue,
  OKABE_ITO.purple,
  OKABE_ITO.yellow,
  OKABE_ITO.black,
];

const C_NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function richTitle(text: string, size = 1400): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="nl-BE" sz="${size}" b="1"/><a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title>'
  );
}

function strCache(values: readonly string[]): string {
  return (
    `<c:strCache><c:ptCount val="${values.length}"/>` +
    values.map((value, i) => `<c:pt idx="${i}"><c:v>${xmlText(value)}</c:v></c:pt>`).join('') +
    '</c:strCache>'
  );
}

function numCache(values: readonly (number | null)[]): string {
  return (
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>` +
    values
      .map((value, i) =>
        value === null || !Number.isFinite(value)
          ? ''
          : `<c:pt idx="${i}"><c:v>${value}</c:v></c:pt>`,
      )
      .join('') +
    '</c:numCache>'
  );
}

function series(spec: ChartSpec, s: ChartSeries, index: number): string {
  const line = spec.kind === 'line';
  const fill = line
    ? `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill><a:round/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`
    : `<c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr>${'<c:invertIfNegative val="0"/>'}`;
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx><c:strRef><c:f>${xmlText(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
    fill +
    `<c:cat><c:strRef><c:f>${xmlText(spec.categoriesRef)}</c:f>${strCache(spec.categories)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlText(s.valuesRef)}</c:f>${numCache(s.values)}</c:numRef></c:val>` +
    (line ? '<c:smooth val="0"/>' : '') +
    '</c:ser>'
  );
}

/** xl/charts/chartN.xml */
export function chartXml(spec: ChartSpec): string {
  const seriesXml = spec.series.map((s, i) => series(spec, s, i)).join('');
  const axes = '<c:axId val="111111111"/><c:axId val="222222222"/>';
  const plot =
    spec.kind === 'line'
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${seriesXml}<c:marker val="1"/>${axes}</c:lineChart>`
      : `<c:barChart><c:barDir val="col"/><c:grouping val="${
          spec.kind === 'stacked-column' ? 'stacked' : 'clustered'
        }"/><c:varyColors val="0"/>${seriesXml}<c:gapWidth val="80"/>${
          spec.kind === 'stacked-column' ? '<c:overlap val="100"/>' : ''
        }${axes}</c:barChart>`;
  const valueTitle = spec.valueAxisTitle ? richTitle(spec.valueAxisTitle, 1000) : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace ${C_NS}><c:lang val="nl-BE"/><c:roundedCorners val="0"/><c:chart>` +
    richTitle(spec.title) +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    plot +
    '<c:catAx><c:axId val="111111111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>' +
    '<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>' +
    '<c:tickLblPos val="nextTo"/><c:crossAx val="222222222"/><c:crosses val="autoZero"/><c:auto val="1"/>' +
    '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="222222222"/><c:scaling><c:orientation val="minMax"/>${
      spec.valueAxisMin !== undefined ? `<c:min val="${spec.valueAxisMin}"/>` : ''
    }</c:scaling><c:delete val="0"/>` +
    '<c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' +
    valueTitle +
    '<c:numFmt formatCode="0.0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>' +
    '<c:tickLblPos val="nextTo"/><c:crossAx val="111111111"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>' +
    '<c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

/** xl/drawings/drawingN.xml placing charts rId1…rIdN at their anchors. */
export function drawingXml(specs: readonly ChartSpec[]): string {
  const anchors = specs
    .map((spec, i) => {
      const { fromColumn, fromRow, toColumn, toRow } = spec.anchor;
      return (
        '<xdr:twoCellAnchor editAs="oneCell">' +
        `<xdr:from><xdr:col>${fromColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${toColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlText(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
        `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${i + 1}"/>` +
        '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
      );
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    anchors +
    '</xdr:wsDr>'
  );
}
