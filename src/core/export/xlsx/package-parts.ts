import type { SheetSummary } from './sheet';
import { quoteSheetName, xmlText } from './xml';

/** The package's fixed parts: content types, relationships, workbook, document properties. */

export type WorkbookProperties = {
  title?: string;
  subject?: string;
  creator?: string;
  description?: string;
  keywords?: string;
  category?: string;
  company?: string;
  created?: Date;
};

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export type SheetPart = SheetSummary & { index: number; charts: number[]; drawing?: number };

export function contentTypesXml(sheets: readonly SheetPart[]): string {
  const overrides = [
    [
      '/xl/workbook.xml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    ],
    ['/xl/styles.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml'],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  ];
  for (const sheet of sheets) {
    overrides.push([
      `/xl/worksheets/sheet${sheet.index}.xml`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
    ]);
    if (sheet.drawing !== undefined) {
      overrides.push([
        `/xl/drawings/drawing${sheet.drawing}.xml`,
        'application/vnd.openxmlformats-officedocument.drawing+xml',
      ]);
    }
    for (const chart of sheet.charts) {
      overrides.push([
        `/xl/charts/chart${chart}.xml`,
        'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
      ]);
    }
  }
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    overrides
      .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
      .join('') +
    '</Types>'
  );
}

export function rootRelsXml(): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${REL_NS}">` +
    `<Relationship Id="rId1" Type="${DOC_REL}/officeDocument" Target="xl/workbook.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${DOC_REL}/extended-properties" Target="docProps/app.xml"/>` +
    '</Relationships>'
  );
}

export function workbookRelsXml(sheets: readonly SheetPart[]): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${REL_NS}">` +
    sheets
      .map(
        (sheet) =>
          `<Relationship Id="rId${sheet.index}" Type="${DOC_REL}/worksheet" Target="worksheets/sheet${sheet.index}.xml"/>`,
      )
      .join('') +
    `<Relationship Id="rId${sheets.length + 1}" Type="${DOC_REL}/styles" Target="styles.xml"/>` +
    '</Relationships>'
  );
}

export function workbookXml(sheets: readonly SheetPart[]): string {
  const names: string[] = [];
  sheets.forEach((sheet, position) => {
    const quoted = quoteSheetName(sheet.name);
    if (sheet.autoFilter) {
      names.push(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${position}" hidden="1">${xmlText(
          `${quoted}!${sheet.autoFilter}`,
        )}</definedName>`,
      );
    }
    if (sheet.printTitles) {
      names.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${position}">${xmlText(
          `${quoted}!${sheet.printTitles}`,
        )}</definedName>`,
      );
    }
  });
  return (
    XML_HEAD +
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    `xmlns:r="${DOC_REL}">` +
    '<workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="15000"/></bookViews>' +
    '<sheets>' +
    sheets
      .map(
        (sheet, position) =>
          `<sheet name="${xmlText(sheet.name)}" sheetId="${position + 1}" r:id="rId${sheet.index}"/>`,
      )
      .join('') +
    '</sheets>' +
    (names.length > 0 ? `<definedNames>${names.join('')}</definedNames>` : '') +
    // Excel recalculates on open; viewers that don't (Protected View, previews) show the cache.
    '<calcPr calcId="191029" fullCalcOnLoad="1"/>' +
    '</workbook>'
  );
}

export function sheetRelsXml(drawing: number): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${REL_NS}">` +
    `<Relationship Id="rId1" Type="${DOC_REL}/drawing" Target="../drawings/drawing${drawing}.xml"/>` +
    '</Relationships>'
  );
}

export function drawingRelsXml(charts: readonly number[]): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${REL_NS}">` +
    charts
      .map(
        (chart, i) =>
          `<Relationship Id="rId${i + 1}" Type="${DOC_REL}/chart" Target="../charts/chart${chart}.xml"/>`,
      )
      .join('') +
    '</Relationships>'
  );
}

const isoSeconds = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

export function coreXml(props: WorkbookProperties): string {
  const created = isoSeconds(props.created ?? new Date());
  const element = (tag: string, value: string | undefined) =>
    value ? `<${tag}>${xmlText(value)}</${tag}>` : '';
  return (
    XML_HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', props.title) +
    element('dc:subject', props.subject) +
    element('dc:creator', props.creator) +
    element('cp:keywords', props.keywords) +
    element('dc:description', props.description) +
    element('cp:category', props.category) +
    element('cp:lastModifiedBy', props.creator) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
    '<dc:language>nl-BE</dc:language>' +
    '</cp:coreProperties>'
  );
}

export function appXml(props: WorkbookProperties, sheets: readonly SheetPart[]): string {
  return (
    XML_HEAD +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>Pijlerplan</Application>' +
    (props.company ? `<Company>${xmlText(props.company)}</Company>` : '') +
    `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets
      .map((sheet) => `<vt:lpstr>${xmlText(sheet.name)}</vt:lpstr>`)
      .join('')}</vt:vector></TitlesOfParts>` +
    '</Properties>'
  );
}
