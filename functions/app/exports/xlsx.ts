import ExcelJS from 'exceljs';
import type { ColumnFormat, ExportTable } from './export-table';

const NUMBER_FORMAT: Record<ColumnFormat, string | undefined> = { text: undefined, integer: '0', percent: '0.0%' };

/** Spreadsheets refuse sheet names over 31 characters or with []:*?/\ in them. */
const sheetName = (title: string, index: number): string => `${index + 1} ${title.replace(/[[\]:*?/\\]/g, ' ')}`.slice(0, 31);

/**
 * An XLSX workbook, one sheet per table: a bold header row frozen at the top, counts as
 * numbers, rates as numbers shown as percentages (the cell keeps the fraction). A separate
 * module so that only the CLI and the export function bundle exceljs, never the API.
 */
export async function toXlsx(tables: ExportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  tables.forEach((table, index) => {
    const sheet = workbook.addWorksheet(sheetName(table.title, index), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((column) => ({
      header: column.header,
      width: Math.max(10, column.header.length * 2 + 2),
      ...(NUMBER_FORMAT[column.format] ? { style: { numFmt: NUMBER_FORMAT[column.format]! } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.addRows(table.rows);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
