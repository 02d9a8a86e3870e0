import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { SHEET_COLUMNS, SheetRow } from '../sheet-row';
import { SheetFormat, SheetWriter } from './sheet-writer';

// exceljs' streaming writer commits each row to the zip stream: memory stays flat.
// Cells are typed strings, so text starting with "=" is never a formula here.
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
    for (const r of rows) this.sheet.addRow(SHEET_COLUMNS.map((c) => r[c.key])).commit();
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
