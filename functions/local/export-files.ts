import { writeFile } from 'node:fs/promises';
import { toCsv } from '../app/exports/csv';
import type { ExportTable } from '../app/exports/export-table';
import { toXlsx } from '../app/exports/xlsx';

/** Where the CLI writes an export: `--csv` and/or `--xlsx`, each a file path. */
export interface ExportTargets {
  csv?: string;
  xlsx?: string;
}

export const EXPORT_OPTIONS = { csv: { type: 'string' }, xlsx: { type: 'string' } } as const;

/** Writes the tables to each target given and prints where. */
export async function writeExports(tables: ExportTable[], targets: ExportTargets): Promise<void> {
  if (targets.csv) {
    await writeFile(targets.csv, toCsv(tables), 'utf8');
    console.log(`csv: ${targets.csv}`);
  }
  if (targets.xlsx) {
    await writeFile(targets.xlsx, await toXlsx(tables));
    console.log(`xlsx: ${targets.xlsx}`);
  }
}
