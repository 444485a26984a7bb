/** What can be downloaded as a file: the week's compliance report, the week's roster, a period's issue KPIs. */
export const EXPORT_KINDS = ['compliance', 'roster', 'kpis'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The file formats of an export: CSV (UTF-8 with a byte-order mark) or an XLSX workbook. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
