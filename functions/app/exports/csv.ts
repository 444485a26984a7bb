import type { ExportCell, ExportTable } from './export-table';

const quote = (cell: ExportCell): string => {
  if (cell === null) return '';
  const value = String(cell);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
};

/**
 * RFC 4180 CSV with a byte-order mark, so that spreadsheet programs read the Chinese headers as
 * UTF-8. Several tables follow one another, each under its title line, a blank line between.
 */
export function toCsv(tables: ExportTable[]): string {
  const blocks = tables.map((table) => {
    const lines = [table.columns.map((column) => quote(column.header)), ...table.rows.map((row) => row.map(quote))].map((cells) => cells.join(','));
    return (tables.length > 1 ? [quote(table.title), ...lines] : lines).join('\r\n');
  });
  return `\uFEFF${blocks.join('\r\n\r\n')}\r\n`;
}
