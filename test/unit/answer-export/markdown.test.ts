import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { answerMarkdown } from '../../../src/core/answer/export/markdown';
import { answerFixture } from './fixture';

/**
 * The .md text read back with marked (an independent Markdown parser): the headings are the
 * five sub-questions, the draft paragraphs are there word for word, the tables have the hand-
 * worked figures in nl-BE ("26,1", "€ 150.000") and names with "|" or "&" stay one cell.
 */
const tokens = marked.lexer(answerMarkdown(answerFixture()));
const tables = tokens.filter((t): t is Tokens.Table => t.type === 'table');
const tableAfter = (heading: string): Tokens.Table => {
  const at = tokens.findIndex(
    (t) => t.type === 'heading' && (t as Tokens.Heading).text === heading,
  );
  const table = tokens.slice(at).find((t): t is Tokens.Table => t.type === 'table');
  if (at < 0 || !table) throw new Error(`geen tabel na ${heading}`);
  return table;
};
const cells = (table: Tokens.Table) => table.rows.map((row) => row.map((cell) => cell.text));

describe('answerMarkdown', () => {
  it('has the title and the five sub-questions as headings, in order', () => {
    const headings = tokens
      .filter((t): t is Tokens.Heading => t.type === 'heading' && (t as Tokens.Heading).depth <= 2)
      .map((t) => t.text);
    expect(headings).toEqual([
      'Vierde pijler in cijfers',
      '1. Hoeveel VTE?',
      '2. Waar in het organigram?',
      '3. Hoe aangestuurd?',
      '4. Transversale werking?',
      '5. Proeftuinen en lokale besturen',
    ]);
  });

  it('carries every draft paragraph word for word', () => {
    const paragraphs = tokens
      .filter((t): t is Tokens.Paragraph => t.type === 'paragraph')
      .map((t) => t.text.replace(/\\(.)/g, '$1'));
    for (const section of answerFixture().text)
      for (const paragraph of section.paragraphs) expect(paragraphs).toContain(paragraph);
    expect(paragraphs[0]).toContain('Peildatum: 01/01/2023');
    expect(paragraphs[0]).toContain('Gegevensdatum: 31/12/2022');
  });

  it.each([
    ['Geplande VTE vierde pijler', '26,1 VTE'],
    ['waarvan ingevuld', '23,1 VTE'],
    ['Functies', '19'],
    ['Personen', '17'],
    ['Vacatures', '3'],
    ['Benodigde VTE (vraagmodel)', '25 VTE'],
    ['Kloof (gepland − benodigd, over de regio’s)', '-2,9 VTE'],
  ])('key figure %s = %s', (label, value) => {
    expect(cells(tables[0]!)).toContainEqual([label, value]);
  });

  it('splits by division with a total worked out by hand (14,5 + 8,6 + 3 = 26,1)', () => {
    const table = tableAfter('Per afdeling');
    expect(table.header.map((h) => h.text)).toEqual([
      'Afdeling',
      'Gepland VTE',
      'Ingevuld VTE',
      'Vacant VTE',
    ]);
    expect(cells(table)).toEqual([
      ['Afdeling Inburgering', '14,5', '12,5', '2'],
      ['Afdeling Integratie & Participatie', '8,6', '7,6', '1'],
      ['Centrale diensten', '3', '3', '0'],
      ['**Totaal**', '**26,1**', '**23,1**', '**3**'],
    ]);
  });

  it('keeps a pipe in a label inside its cell', () => {
    expect(cells(tableAfter('Per rol'))[2]).toEqual(['Teamcoach | leidinggevende', '4', '4', '0']);
  });

  it('shows required vs planned per region with the gap (10,5 − 9 = 1,5; 4,6 − 8 = −3,4)', () => {
    expect(cells(tableAfter('Benodigd en gepland per netwerk'))).toEqual([
      ['Antwerpen', '9', '10,5', '1,5'],
      ['Gent', '8', '7', '-1'],
      ['Leuven', '8', '4,6', '-3,4'],
      ['**Totaal**', '**25**', '**22,1**', '**-2,9**'],
    ]);
  });

  it('draws the compact organigram as a nested list with FTE per box', () => {
    const list = tokens.find((t): t is Tokens.List => t.type === 'list')!;
    expect(list.items.map((item) => item.text.split('\n')[0])).toEqual([
      'AgII (Agentschap) — 26,1 VTE',
    ]);
    const md = answerMarkdown(answerFixture());
    expect(md).toContain('\n    - Netwerkcoördinator (vacature) — 1 VTE\n');
    expect(md).toContain('\n  - Afdeling Integratie & Participatie (Afdeling) — 8,6 VTE\n');
  });

  it('lists each team with its solid line up to the top, and the dotted links', () => {
    expect(cells(tableAfter('3. Hoe aangestuurd?'))[0]).toEqual([
      'Team Antwerpen',
      'Afdeling Inburgering',
      '7',
      '10,5',
      'Teamcoach (Sofie Maes, Team Antwerpen) → Afdelingshoofd (vacant, Afdeling Inburgering) → Administrateur-generaal (Dirk De Smet, AgII)',
    ]);
    expect(cells(tableAfter('Stippellijnen'))).toEqual([
      ['Netwerkcoördinator (Team Antwerpen)', 'Team Gent', 'Werkgroep vierde pijler'],
      ['Teamcoach (Team Gent)', 'Centrale diensten', 'Overleg lokale besturen'],
    ]);
  });

  it('gives the pilots reach in euros and shares (180 / 240 = 75 %; 5 of 12 municipalities)', () => {
    const table = cells(tableAfter('5. Proeftuinen en lokale besturen'));
    expect(table).toContainEqual(['Bereik', '75%']);
    expect(table).toContainEqual(['Budget', '€\u00a0150.000']);
    expect(table).toContainEqual(['Cofinanciering', '€\u00a045.000']);
    expect(table).toContainEqual(['Gemeenten in een proeftuin', '5 van 12']);
    expect(cells(tableAfter('Gemeenten per netwerk')).at(-1)).toEqual([
      '**Totaal**',
      '**5**',
      '**12**',
      '**41,7%**',
    ]);
    expect(cells(tableAfter('Lokale besturen: paraatheid'))).toEqual([
      ['Regierol opgenomen', '7'],
      ['Nog in voorbereiding', '5'],
    ]);
  });

  it('says so when no readiness was imported, and writes no empty tables', () => {
    const answer = answerFixture();
    answer.pilots.readiness = null;
    answer.crossUnit = { links: [], pairs: [] };
    const md = answerMarkdown(answer);
    expect(md).toContain('geen gegevens over de paraatheid');
    expect(md).toContain('Geen transversale');
    expect(md).not.toContain('Stippellijnen');
  });
});
