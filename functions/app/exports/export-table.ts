/** One cell: text, a count, a rate as a fraction (0.5 is 50 %), or empty. */
export type ExportCell = string | number | null;

/** How a column is shown in a spreadsheet; CSV writes the value as is. */
export type ColumnFormat = 'text' | 'integer' | 'percent';

export interface ExportColumn {
  /** The header people read, in Chinese. */
  header: string;
  format: ColumnFormat;
}

/** One table of an export: a sheet in XLSX, a block in CSV. */
export interface ExportTable {
  /** The sheet's name (at most 31 characters, as spreadsheets allow). */
  title: string;
  columns: ExportColumn[];
  rows: ExportCell[][];
}

export const text = (header: string): ExportColumn => ({ header, format: 'text' });
export const integer = (header: string): ExportColumn => ({ header, format: 'integer' });
export const percent = (header: string): ExportColumn => ({ header, format: 'percent' });
