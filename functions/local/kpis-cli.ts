import { parseArgs } from 'node:util';
import { kpiExport, monthPeriod, periodKpis } from '../app/exports/issue-kpis';
import { createServices } from '../app/services';
import { createStore } from '../store/client';
import { findLocalDatabase } from './duty-jobs';
import { table, terminalTextWidth } from './duty-tables';
import { EXPORT_OPTIONS, writeExports } from './export-files';
import { DEFAULT_DISTRICT, LOCAL_TABLE_NAME, resolveDataDir } from './paths';

const USAGE = 'usage: npm run kpis -- (--month 2026-11 | --from 2026-11-01 --to 2026-11-30) [--district dingnan] [--csv kpis.csv] [--xlsx kpis.xlsx]';

/**
 * `npm run kpis -- --month 2026-11 --xlsx kpis.xlsx`: the period's issue KPIs for the district,
 * each station and each grid (the numbers of the API's issueStats), printed as a table and
 * written as CSV and/or XLSX: the monthly report (月报) in one call.
 */
async function main(): Promise<void> {
  let values: { month?: string; from?: string; to?: string; district?: string; csv?: string; xlsx?: string };
  try {
    const options = { month: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, district: { type: 'string' }, ...EXPORT_OPTIONS } as const;
    ({ values } = parseArgs({ args: process.argv.slice(2), options, strict: true, allowPositionals: false }));
  } catch (error) {
    return fail(`${(error as Error).message}; ${USAGE}`, 2);
  }
  let period: { from: string; to: string };
  if (values.month) {
    try {
      period = monthPeriod(values.month);
    } catch (error) {
      return fail(`--month: ${(error as Error).message}`, 2);
    }
  } else if (values.from && values.to) period = { from: values.from, to: values.to };
  else return fail(USAGE, 2);
  const districtId = values.district ?? DEFAULT_DISTRICT;

  const database = await findLocalDatabase(resolveDataDir());
  const store = createStore({ tableName: LOCAL_TABLE_NAME, endpoint: database.endpoint, region: 'cn-north-1' });
  try {
    console.log(`DynamoDB: ${database.endpoint} (${database.source}), table ${LOCAL_TABLE_NAME}, district ${districtId}`);
    const services = createServices(store);
    if (!(await services.districts.get(districtId))) fail(`district ${districtId} is not in the local table: run npm start once to seed it`, 1);
    // The CLI reads as the district's administrator, the role that files the monthly report.
    const kpis = await periodKpis(services, { subject: 'kpis-cli', districtId, roles: ['ADMIN'] }, period);
    const tables = kpiExport(period, kpis);
    const shown = tables[0]!;
    const cell = (value: string | number | null, format: string) => (value === null ? '-' : format === 'percent' ? `${Math.round(Number(value) * 1000) / 10} %` : String(value));
    console.log(shown.title);
    console.log(table(shown.columns.map((column) => column.header), shown.rows.map((row) => row.map((value, index) => cell(value, shown.columns[index]!.format))), await terminalTextWidth()));
    await writeExports(tables, values);
  } finally {
    store.doc.destroy();
    await database.release();
  }
}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), 1));
