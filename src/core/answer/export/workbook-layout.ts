import type { CellInput } from '../../export/xlsx/cells';
import { PAGE_FOOTER, type SheetOptions } from '../../export/xlsx/sheet';
import type { SheetHandle } from '../../export/xlsx/workbook';
import type { Answer } from '../types';
import { answerMeta } from './document';

/** The answer workbook's shared look: sheet names, the chart column, each sheet's heading. */
export const SHEETS = {
  answer: 'Antwoord',
  howMany: '1 Hoeveel VTE',
  where: '2 Organigram',
  steering: '3 Aansturing',
  crossUnit: '4 Transversaal',
  pilots: '5 Proeftuinen',
} as const;

/** Where the charts sit: a column of them right of the tables, 18 rows apart. */
export const CHART_COLUMN = 6;
export const chartAnchor = (index: number) => ({
  fromColumn: CHART_COLUMN,
  fromRow: 3 + index * 18,
  toColumn: CHART_COLUMN + 8,
  toRow: 3 + index * 18 + 16,
});

export const sheetOptions = (columns: SheetOptions['columns']): SheetOptions => ({
  columns,
  freeze: { rows: 3 },
  print: { landscape: true, fitToWidth: true, footer: PAGE_FOOTER },
});

/** Title, the answer's scenario and reference day, a blank row: every sheet starts so. */
export function heading(sheet: SheetHandle, title: string, answer: Answer): void {
  sheet.row([{ v: title, s: 'title' }], { height: 24 });
  sheet.row([
    {
      v: answerMeta(answer)
        .slice(1, 4)
        .map((item) => `${item.label}: ${item.value}`)
        .join(' · '),
      s: 'note',
    },
  ]);
  sheet.blank();
}

/** A number in its style. */
export const fte = (value: number): CellInput => ({ v: value, s: 'fte' });
export const int = (value: number): CellInput => ({ v: value, s: 'integer' });

/** Where the key figures sit, for the Antwoord sheet's formulas. */
export type KeyRefs = Record<
  string,
  { sheet: string; row: number; value: number; style: 'fte' | 'integer' | 'euroWhole' | 'percent' }
>;
