import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { SHEET_COLUMNS, SheetColumnKey, SheetRow } from '../sheet-row';
import { SheetFormat, SheetWriter } from './sheet-writer';

// A cell holds at most 32,767 characters (Excel's limit; beyond it the file is "corrupt").
export const XLSX_CELL_LIMIT = 32_767;
export const TRUNCATED_MARKER = '… [truncated]';

// Longer text is cut, never inside a surrogate pair, and ends with a visible marker.
export function xlsxCell(value: string | number): string | number {
  if (typeof value !== 'string' || value.length <= XLSX_CELL_LIMIT) return value;
  let end = XLSX_CELL_LIMIT - TRUNCATED_MARKER.length;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return value.slice(0, end) + TRUNCATED_MARKER;
}

// Only http(s) URLs become hyperlinks (no javascript:, file: or data: targets), and only
// those Excel accepts (2,079 characters at most); anything else stays a string cell.
const HYPERLINK_MAX = 2_079;
export function xlsxHyperlink(url: string): string | null {
  if (!url || url.length > HYPERLINK_MAX) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

// "YYYY-MM-DD" (a day) or "YYYY-MM-DDTHH:MM:SSZ" (an instant, UTC) from the sheet query → a
// Date that exceljs writes as an Excel date serial (UTC); '' stays an empty cell.
function xlsxDate(value: string): Date | null {
  if (!value) return null;
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? null : d;
}

// One style object per kind of cell, shared: exceljs looks styles up by object identity, so a
// fresh object per cell (a column style, `cell.font = …`) costs a style lookup per cell.
const DATE_STYLES: Partial<Record<SheetColumnKey, Partial<ExcelJS.Style>>> = {
  date: { numFmt: 'yyyy-mm-dd' },
  reviewedAt: { numFmt: 'yyyy-mm-dd hh:mm:ss' },
};
const DATE_CELLS = SHEET_COLUMNS.flatMap((c, i) => (DATE_STYLES[c.key] ? [i + 1] : []));
const LINK_STYLE: Partial<ExcelJS.Style> = {
  font: { color: { argb: 'FF0563C1' }, underline: true },
};
const URL_COLUMN = SHEET_COLUMNS.findIndex((c) => c.key === 'url') + 1;
// Excel keeps at most 65,530 hyperlinks per worksheet; exceljs also holds each one in memory
// until the sheet is committed. Later rows keep the URL as text.
export const XLSX_HYPERLINK_LIMIT = 65_530;

// exceljs' streaming writer commits each row to the zip stream: memory stays flat.
// Values from the data are plain strings, numbers, Dates or {text, hyperlink}, so exceljs writes
// typed cells: text that starts with "=" (or ＝, @, …) is never a formula (only {formula}
// objects are, and none is built from data). Header row frozen and filterable, dates are date
// cells with a date format, article URLs are links.
class XlsxWriter implements SheetWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  private lastRow = 1;
  private links = 0;

  constructor(out: Writable) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    this.sheet = this.workbook.addWorksheet('Quotes', { views: [{ state: 'frozen', ySplit: 1 }] });
    this.sheet.columns = SHEET_COLUMNS.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width,
    }));
  }

  async begin(): Promise<void> {
    this.sheet.getRow(1).font = { bold: true };
  }

  async rows(rows: SheetRow[]): Promise<void> {
    for (const r of rows) {
      const href = this.links < XLSX_HYPERLINK_LIMIT ? xlsxHyperlink(r.url) : null;
      const row = this.sheet.addRow(
        SHEET_COLUMNS.map((c) => {
          if (c.key in DATE_STYLES) return xlsxDate(r[c.key] as string);
          if (c.key === 'url' && href) return { text: xlsxCell(r.url) as string, hyperlink: href };
          return xlsxCell(r[c.key]);
        }),
      );
      for (const i of DATE_CELLS) {
        const cell = row.getCell(i);
        if (cell.value instanceof Date) cell.style = DATE_STYLES[SHEET_COLUMNS[i - 1].key]!;
      }
      if (href) {
        row.getCell(URL_COLUMN).style = LINK_STYLE;
        this.links += 1;
      }
      row.commit();
    }
    this.lastRow += rows.length;
  }

  async end(): Promise<void> {
    // Written when the sheet is committed, so it can cover every row.
    this.sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: this.lastRow, column: SHEET_COLUMNS.length },
    };
    this.sheet.commit();
    await this.workbook.commit();
  }
}

export const XLSX: SheetFormat = {
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
  create: (out) => new XlsxWriter(out),
};
