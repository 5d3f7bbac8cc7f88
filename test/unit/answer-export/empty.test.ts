import { PDFDocument } from 'pdf-lib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  answerDocx,
  answerMarkdown,
  answerPdf,
  answerWorkbook,
} from '../../../src/core/answer/export';
import type { Answer } from '../../../src/core/answer/types';
import { answerFixture } from './fixture';

/**
 * A workspace with nothing in it yet (no positions, no links, no pilots): every format still
 * writes a valid file that says what is missing, instead of throwing or showing empty tables.
 */
function emptyAnswer(): Answer {
  const answer = answerFixture();
  const zero = { ...answer.howMany.planned, value: 0 };
  answer.howMany = {
    ...answer.howMany,
    planned: zero,
    filled: zero,
    quarters: [],
    byDivision: [],
    byRole: [],
    byRegion: [],
    regions: [],
  };
  answer.where = { nodes: [] };
  answer.steering = [];
  answer.crossUnit = { links: [], pairs: [] };
  answer.pilots = {
    ...answer.pilots,
    byNetwork: [],
    readiness: null,
    participantsTarget: { ...answer.pilots.participantsTarget, value: 0 },
  };
  answer.text = [];
  return answer;
}

describe('an empty answer', () => {
  it('writes Markdown that says what is missing', () => {
    const md = answerMarkdown(emptyAnswer());
    expect(md).toContain('Geen functies met een vierde-pijleraandeel.');
    expect(md).toContain('Geen vierde-pijlerteams.');
    expect(md).toContain('| Bereik | — |');
    expect(md).not.toContain('Per afdeling');
  });

  it('writes a .docx, a workbook and a PDF that their readers open', async () => {
    expect(answerDocx(emptyAnswer()).length).toBeGreaterThan(1000);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      Buffer.from(await answerWorkbook(emptyAnswer())) as unknown as ArrayBuffer,
    );
    expect(book.worksheets).toHaveLength(6);
    const reach = book.getWorksheet('5 Proeftuinen')!.getCell('B8');
    // Nothing targeted: the share formula guards the division by zero.
    expect(reach.formula).toBe('IF(B7=0,0,B6/B7)');
    expect(reach.result).toBe(0);
    const pdf = await PDFDocument.load(await answerPdf(emptyAnswer()));
    expect(pdf.getPageCount()).toBe(1);
  });
});
