import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { XlsxWriter } from '../../../src/core/export/xlsx/workbook';
import type { SheetColumn } from '../../../src/core/export/xlsx/sheet';
import type { Compression } from '../../../src/core/export/xlsx/compression';
import { openFileSink } from '../../../src/node/file-sink';
import { nodeCompression } from '../../../src/node/native-compression';
import { COLUMNS, row } from './data';

/**
 * One bench case in its own process: `worker.ts <case> <rows> <out>`; prints one JSON line
 * with wall time, CPU time, peak RSS and the file size.
 */
const [mode = '', rowsText = '0', out = ''] = process.argv.slice(2);
const rows = Number(rowsText);

const OUR_COLUMNS: SheetColumn[] = [
  { width: 10 },
  { width: 18 },
  { width: 16 },
  { width: 8, style: 'fte' },
  { width: 14, style: 'euro' },
  { width: 12, style: 'date' },
  { width: 10, style: 'percent' },
  { width: 12, style: 'integer' },
  { width: 10 },
  { width: 28 },
];

async function ours(compression?: Compression): Promise<void> {
  const sink = await openFileSink(out);
  const writer = new XlsxWriter(sink, { title: 'Bench' }, compression);
  const sheet = writer.addSheet('Gegevens', {
    columns: OUR_COLUMNS,
    freeze: { rows: 1, columns: 1 },
    autoFilterRow: 1,
    print: { landscape: true, fitToWidth: true, repeatRows: [1, 1] },
  });
  sheet.row(COLUMNS.map((v) => ({ v, s: 'header' as const })));
  for (let i = 0; i < rows; i++) {
    sheet.row(row(i));
    if ((i & 255) === 0) await writer.maybeDrain();
  }
  await writer.finish();
  await sink.commit();
}

async function exceljs(drain: boolean): Promise<void> {
  const stream = createWriteStream(out);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Gegevens', {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
  });
  sheet.columns = COLUMNS.map((header, i) => ({
    header,
    key: header,
    width: OUR_COLUMNS[i]?.width,
    style: {
      numFmt:
        ['', '', '', '0.00', '"€" #,##0.00', 'dd/mm/yyyy', '0.0%', '#,##0', '', ''][i] || undefined,
    },
  }));
  sheet.getRow(1).font = { bold: true, color: { argb: 'FFFFFFFF' } };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  sheet.getRow(1).commit();
  sheet.autoFilter = 'A1:J1';
  // exceljs's zip stream: wait for it to drain, else it buffers the whole file (#464/#734).
  const zip = (
    workbook as unknown as { zip: NodeJS.ReadableStream & { _readableState?: { length: number } } }
  ).zip;
  for (let i = 0; i < rows; i++) {
    sheet.addRow(row(i)).commit();
    if (drain && (i & 1023) === 0 && stream.writableNeedDrain) {
      await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
    }
    if (drain && (i & 1023) === 0 && (zip._readableState?.length ?? 0) > 8 << 20) {
      await new Promise<void>((resolve) => setImmediate(() => resolve()));
    }
  }
  sheet.commit();
  await workbook.commit();
}

function python(script: string): void {
  const run = spawnSync('/usr/bin/python3', ['-c', script, String(rows), out], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.status !== 0) throw new Error(run.stderr);
  const peak = Number(run.stdout.trim().split('\n').pop());
  childPeakMB = peak / 1024;
}
let childPeakMB: number | null = null;

const PY_ROW = `
import datetime, sys
COLUMNS = ['id','naam','gemeente','vte','budget','start','aandeel','deelnemers','code','opmerking']
START = datetime.datetime(2022, 1, 1)
def row(i):
    return [i + 1, 'Persoon %d' % (i + 1), 'Gemeente %d' % ((i * 7) % 300), ((i * 37) % 101) / 100,
            round(((i * 7919) % 1000000) * 1.25) / 100, START + datetime.timedelta(days=(i * 13) % 1826),
            ((i * 3) % 1000) / 1000, (i * 11) % 5000, 'P%05d' % (i % 100000),
            ('=NIET("%d") blijft tekst' % i) if i % 10 == 0 else 'vrije tekst %d' % (i % 977)]
rows, out = int(sys.argv[1]), sys.argv[2]
`;

const OPENPYXL = `${PY_ROW}
import resource
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
wb = Workbook(write_only=True)
ws = wb.create_sheet('Gegevens')
ws.freeze_panes = 'B2'
header = []
for name in COLUMNS:
    c = WriteOnlyCell(ws, value=name); c.font = Font(bold=True, color='FFFFFF'); c.fill = PatternFill('solid', fgColor='1F4E79'); header.append(c)
ws.append(header)
fmts = [None, None, None, '0.00', '"€" #,##0.00', 'dd/mm/yyyy', '0.0%', '#,##0', None, None]
for i in range(rows):
    values = row(i)
    cells = []
    for j, v in enumerate(values):
        if fmts[j]:
            c = WriteOnlyCell(ws, value=v); c.number_format = fmts[j]; cells.append(c)
        elif isinstance(v, str) and v.startswith('='):
            c = WriteOnlyCell(ws, value=v); c.data_type = 's'; cells.append(c)
        else:
            cells.append(v)
    ws.append(cells)
wb.save(out)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
`;

const XLSXWRITER = `${PY_ROW}
import resource
import xlsxwriter
wb = xlsxwriter.Workbook(out, {'constant_memory': True, 'strings_to_formulas': False})
ws = wb.add_worksheet('Gegevens')
ws.freeze_panes(1, 1)
head = wb.add_format({'bold': True, 'font_color': 'white', 'bg_color': '#1F4E79'})
fmts = [None, None, None, wb.add_format({'num_format': '0.00'}), wb.add_format({'num_format': '"€" #,##0.00'}),
        wb.add_format({'num_format': 'dd/mm/yyyy'}), wb.add_format({'num_format': '0.0%'}), wb.add_format({'num_format': '#,##0'}), None, None]
ws.write_row(0, 0, COLUMNS, head)
for i in range(rows):
    for j, v in enumerate(row(i)):
        ws.write(i + 1, j, v, fmts[j]) if fmts[j] else ws.write(i + 1, j, v)
wb.close()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
`;

const started = performance.now();
const cpu = process.cpuUsage();
if (mode === 'ours') await ours(nodeCompression());
else if (mode === 'ours-fflate') await ours();
else if (mode === 'exceljs') await exceljs(false);
else if (mode === 'exceljs-drain') await exceljs(true);
else if (mode === 'openpyxl') python(OPENPYXL);
else if (mode === 'xlsxwriter') python(XLSXWRITER);
else throw new Error(`onbekend geval ${mode}`);
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    peakMB: childPeakMB ?? process.resourceUsage().maxRSS / 1024,
    bytes: (await stat(out)).size,
  }),
);
