import { describe, expect, it } from 'vitest';
import { csvField } from '../../../src/core/export/csv';
import { exportRows } from '../../../src/core/export/table-export';
import { parseCsvText } from '../../../src/core/import/readers/csv';
import { written } from './helpers';

describe('CSV export', () => {
  it.each([
    // value, Belgian, plain
    [1234.5, '1234,5', '1234.5'],
    [-1, '-1', '-1'],
    [0.125, '0,125', '0.125'],
    [null, '', ''],
    ['Gent', 'Gent', 'Gent'],
    ['Gent; stad', '"Gent; stad"', 'Gent; stad'],
    ['Gent, stad', 'Gent, stad', '"Gent, stad"'],
    ['zegt "ja"', '"zegt ""ja"""', '"zegt ""ja"""'],
    ['twee\nlijnen', '"twee\nlijnen"', '"twee\nlijnen"'],
    // OWASP: a text that a spreadsheet would run gets a leading ' and quotes.
    [
      '=HYPERLINK("http://x","klik")',
      `"'=HYPERLINK(""http://x"",""klik"")"`,
      `"'=HYPERLINK(""http://x"",""klik"")"`,
    ],
    ["=cmd|' /C calc'!A0", `"'=cmd|' /C calc'!A0"`, `"'=cmd|' /C calc'!A0"`],
    ['+1', `"'+1"`, `"'+1"`],
    ['-1+1', `"'-1+1"`, `"'-1+1"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`, `"'@SUM(A1:A2)"`],
    ['\tTAB', `"'\tTAB"`, `"'\tTAB"`],
    ['\rCR', `"'\rCR"`, `"'\rCR"`],
    ['\nLF', `"'\nLF"`, `"'\nLF"`],
    ['a=b', 'a=b', 'a=b'],
  ])('%j → Belgian %j, plain %j', (value, belgian, plain) => {
    expect(csvField(value, 'belgian')).toBe(belgian);
    expect(csvField(value, 'plain')).toBe(plain);
  });

  it('writes a Belgian file: BOM, ;, CRLF, decimal comma — and the import parser reads it back', async () => {
    const rows = [
      [1, 'Aartselaar', 0.8, '=1+1'],
      [2, 'Gent; stad', 1234.56, 'gewoon'],
    ];
    const bytes = await written((sink) =>
      exportRows({ columns: ['id', 'naam', 'fte', 'opmerking'], rows }, sink, { format: 'csv' }),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toBe(
      '\uFEFFid;naam;fte;opmerking\r\n1;Aartselaar;0,8;"\'=1+1"\r\n2;"Gent; stad";1234,56;gewoon\r\n',
    );
    expect(parseCsvText(text.slice(1), ';')).toEqual([
      ['id', 'naam', 'fte', 'opmerking'],
      ['1', 'Aartselaar', '0,8', "'=1+1"],
      ['2', 'Gent; stad', '1234,56', 'gewoon'],
    ]);
  });

  it('writes a plain file with , and . and no BOM', async () => {
    const bytes = await written((sink) =>
      exportRows({ columns: ['a', 'b'], rows: [[1.5, 'x,y']] }, sink, {
        format: 'csv',
        csvStyle: 'plain',
      }),
    );
    expect(new TextDecoder().decode(bytes)).toBe('a,b\r\n1.5,"x,y"\r\n');
  });
});
