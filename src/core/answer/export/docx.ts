import { strToU8, zipSync } from 'fflate';
import { xmlText } from '../../export/xlsx/xml';
import type { Answer } from '../types';
import { ANSWER_TITLE, answerDocument, type Block } from './document';

/**
 * The answer as a Word document (.docx): the same document model as the .md and the PDF,
 * written as WordprocessingML — headings with Word's own heading styles (so the navigation
 * pane and a table of contents find them), paragraphs, tables with a repeated header row and a
 * total row, the organigram as an indented list. A4, Calibri, language nl-BE. The package is
 * six small parts, zipped with fflate (already the xlsx writer's zip); a docx library would
 * add more than it saves.
 */
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const HEADER_FILL = '1F4E79';
const TOTAL_FILL = 'E7E6E6';

/** Text width between the margins on A4 (twips). */
const TEXT_WIDTH = 11906 - 2 * 1134;

const STYLE_OF = { 1: 'Title', 2: 'Heading1', 3: 'Heading2' } as const;

const run = (text: string, props = ''): string =>
  `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;

const paragraph = (text: string, pPr = '', rPr = ''): string =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${run(text, rPr)}</w:p>`;

function cell(
  text: string,
  align: 'left' | 'right',
  kind: 'header' | 'body' | 'total',
  width: number,
): string {
  const shade =
    kind === 'header'
      ? `<w:shd w:val="clear" w:color="auto" w:fill="${HEADER_FILL}"/>`
      : kind === 'total'
        ? `<w:shd w:val="clear" w:color="auto" w:fill="${TOTAL_FILL}"/>`
        : '';
  const rPr =
    kind === 'header' ? '<w:b/><w:color w:val="FFFFFF"/>' : kind === 'total' ? '<w:b/>' : '';
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shade}</w:tcPr>` +
    paragraph(
      text,
      `<w:spacing w:before="20" w:after="20"/><w:jc w:val="${align === 'right' ? 'right' : 'left'}"/>`,
      rPr,
    ) +
    '</w:tc>'
  );
}

function table(block: Extract<Block, { kind: 'table' }>): string {
  const aligns = block.columns.map((column) => column.align);
  // Each column as wide as its longest text (a long chain gets the room, within bounds), and
  // never narrower than its longest word, so "Functies" or "Antwerpen" is not broken.
  const weights = block.columns.map((column, i) => {
    const texts = [
      column.label,
      ...[...block.rows, block.total ?? []].map((cells) => cells[i] ?? ''),
    ];
    const word = Math.max(...texts.flatMap((text) => text.split(/\s+/).map((w) => w.length)));
    return Math.max(8, word * 1.5 + 3, Math.min(36, Math.max(...texts.map((text) => text.length))));
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const row = (cells: readonly string[], kind: 'header' | 'body' | 'total') =>
    `<w:tr>${kind === 'header' ? '<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>'}${cells
      .map((text, i) => cell(text, aligns[i] ?? 'left', kind, widths[i] ?? 0))
      .join('')}</w:tr>`;
  return (
    '<w:tbl><w:tblPr><w:tblStyle w:val="AnswerTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/>' +
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>' +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    row(
      block.columns.map((column) => column.label),
      'header',
    ) +
    block.rows.map((cells) => row(cells, 'body')).join('') +
    (block.total ? row(block.total, 'total') : '') +
    '</w:tbl>' +
    // Word needs a paragraph between two tables, and it gives the table room below.
    '<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>'
  );
}

function render(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return paragraph(block.text, `<w:pStyle w:val="${STYLE_OF[block.level]}"/>`);
    case 'paragraph':
      return paragraph(block.text, block.note ? '<w:pStyle w:val="Note"/>' : '');
    case 'table':
      return table(block);
    case 'list':
      return block.items
        .map((item) =>
          paragraph(
            `• ${item.text}`,
            `<w:spacing w:after="40"/><w:ind w:left="${360 + item.depth * 440}" w:hanging="240"/>`,
          ),
        )
        .join('');
    case 'bars':
      // The table before it carries the numbers; the workbook and the PDF draw the chart.
      return '';
  }
}

function documentXml(answer: Answer): string {
  const body = answerDocument(answer).map(render).join('');
  return (
    HEAD +
    `<w:document xmlns:w="${W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` +
    body +
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>' +
    '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>' +
    '</w:body></w:document>'
  );
}

const heading = (id: string, name: string, size: number, color: string, before: number) =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
  `<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="${before}" w:after="120"/><w:outlineLvl w:val="${id === 'Title' ? 0 : Number(id.slice(-1)) - 1}"/></w:pPr>` +
  `<w:rPr><w:b/><w:color w:val="${color}"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:style>`;

const STYLES_XML =
  HEAD +
  `<w:styles xmlns:w="${W_NS}">` +
  '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>' +
  '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="nl-BE" w:eastAsia="nl-BE" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
  '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  heading('Title', 'Title', 40, '1F4E79', 0) +
  heading('Heading1', 'heading 1', 30, '1F4E79', 360) +
  heading('Heading2', 'heading 2', 24, '2E5C8A', 240) +
  '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/>' +
  '<w:rPr><w:i/><w:color w:val="595959"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>' +
  '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
  '<w:style w:type="table" w:customStyle="1" w:styleId="AnswerTable"><w:name w:val="Answer Table"/><w:basedOn w:val="TableNormal"/>' +
  '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>' +
  '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:left w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>' +
  '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:right w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>' +
  '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/></w:tblBorders></w:tblPr></w:style>' +
  '</w:styles>';

function coreXml(answer: Answer): string {
  return (
    HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(ANSWER_TITLE)}</dc:title>` +
    `<dc:subject>${xmlText(`Scenario ${answer.scenario.name}, peildatum ${answer.date}`)}</dc:subject>` +
    '<dc:creator>Pijlerplan</dc:creator><dc:language>nl-BE</dc:language>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${answer.dataDate}T00:00:00Z</dcterms:created>` +
    '</cp:coreProperties>'
  );
}

const CONTENT_TYPES =
  HEAD +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

const REL = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const ROOT_RELS =
  HEAD +
  `<Relationships xmlns="${RELS_NS}">` +
  REL('rId1', `${DOC_REL}/officeDocument`, 'word/document.xml') +
  REL('rId2', `${RELS_NS}/metadata/core-properties`, 'docProps/core.xml') +
  REL('rId3', `${DOC_REL}/extended-properties`, 'docProps/app.xml') +
  '</Relationships>';

const DOCUMENT_RELS =
  HEAD +
  `<Relationships xmlns="${RELS_NS}">${REL('rId1', `${DOC_REL}/styles`, 'styles.xml')}</Relationships>`;

const APP_XML =
  HEAD +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
  '<Application>Pijlerplan</Application><Company>Agentschap Integratie en Inburgering</Company></Properties>';

/** The answer as .docx bytes. */
export function answerDocx(answer: Answer): Uint8Array {
  // A fixed timestamp (the data date) keeps the same answer the same bytes.
  const mtime = new Date(`${answer.dataDate}T12:00:00Z`);
  const part = (text: string): [Uint8Array, { mtime: Date }] => [strToU8(text), { mtime }];
  return zipSync(
    {
      '[Content_Types].xml': part(CONTENT_TYPES),
      '_rels/.rels': part(ROOT_RELS),
      'docProps/core.xml': part(coreXml(answer)),
      'docProps/app.xml': part(APP_XML),
      'word/document.xml': part(documentXml(answer)),
      'word/_rels/document.xml.rels': part(DOCUMENT_RELS),
      'word/styles.xml': part(STYLES_XML),
    },
    { level: 6 },
  );
}
