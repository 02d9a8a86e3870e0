import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { SHEET_COLUMNS, SheetRow } from '../sheet-row';
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

// exceljs' streaming writer commits each row to the zip stream: memory stays flat.
// Every value is a plain string or number, so exceljs writes a typed string cell: text from the
// data that starts with "=" (or ＝, @, …) is never a formula (only {formula} objects are).
class XlsxWriter implements SheetWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;

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
    for (const r of rows) this.sheet.addRow(SHEET_COLUMNS.map((c) => xlsxCell(r[c.key]))).commit();
  }

  async end(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }
}

export const XLSX: SheetFormat = {
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
  create: (out) => new XlsxWriter(out),
};
