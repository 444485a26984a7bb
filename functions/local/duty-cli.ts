import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { complianceHeatMapSvg } from '../app/compliance/heat-map-svg';
import { complianceExport, rosterExport } from '../app/exports/duty-export-tables';
import { createServices } from '../app/services';
import type { CompliancePublisher, NonCompliantStationsEvent } from '../app/compliance/event-publisher';
import { runScheduledCompliance } from '../app/compliance/scheduled-run';
import { isIsoWeek } from '../domain/duty/iso-week';
import { runScheduledRoster } from '../app/roster/scheduled-run';
import { createStore } from '../store/client';
import { findLocalDatabase } from './duty-jobs';
import { complianceTable, rosterTable, terminalTextWidth } from './duty-tables';
import { EXPORT_OPTIONS, writeExports } from './export-files';
import { DEFAULT_DISTRICT, LOCAL_TABLE_NAME, resolveDataDir } from './paths';

const USAGE =
  'usage: npm run roster -- --week 2026-W48 [--district dingnan] [--csv roster.csv] [--xlsx roster.xlsx] | npm run compliance -- --week 2026-W47 [--district dingnan] [--svg heat-map.svg] [--csv out.csv] [--xlsx out.xlsx]';

/** Locally the event is printed: there is no event bus. */
class PrintingPublisher implements CompliancePublisher {
  readonly events: NonCompliantStationsEvent[] = [];

  async publish(event: NonCompliantStationsEvent): Promise<void> {
    this.events.push(event);
  }
}

/**
 * `npm run roster -- --week 2026-W48` / `npm run compliance -- --week 2026-W47`: runs the
 * scheduled job once, exactly as the Lambda does (same code, same idempotent storage), against
 * the local DynamoDB (see duty-jobs.ts for how it is found), prints a table and, given `--csv`
 * or `--xlsx`, writes the same data as an export with Chinese headers.
 */
async function main(): Promise<void> {
  const [job, ...rest] = process.argv.slice(2);
  if (job !== 'roster' && job !== 'compliance') fail(USAGE, 2);
  let values: { week?: string; district?: string; svg?: string; csv?: string; xlsx?: string };
  try {
    const options = { week: { type: 'string' }, district: { type: 'string' }, svg: { type: 'string' }, ...EXPORT_OPTIONS } as const;
    ({ values } = parseArgs({ args: rest, options, strict: true, allowPositionals: false }));
  } catch (error) {
    return fail(`${(error as Error).message}; ${USAGE}`, 2);
  }
  if (values.week !== undefined && !isIsoWeek(values.week)) fail(`--week must be an ISO week such as 2026-W48, not "${values.week}"`, 2);
  const districtId = values.district ?? DEFAULT_DISTRICT;

  const database = await findLocalDatabase(resolveDataDir());
  const store = createStore({ tableName: LOCAL_TABLE_NAME, endpoint: database.endpoint, region: 'cn-north-1' });
  try {
    console.log(`DynamoDB: ${database.endpoint} (${database.source}), table ${LOCAL_TABLE_NAME}, district ${districtId}`);
    const services = createServices(store);
    const district = await services.districts.get(districtId);
    if (!district) fail(`district ${districtId} is not in the local table: run npm start once to seed it`, 1);
    const event = values.week ? { week: values.week } : {};
    const [stations, officers] = await Promise.all([services.stations.all(districtId), services.officers.all(districtId)]);
    const names = { stations: new Map(stations.map((station) => [station.id, station.name])), officers: new Map(officers.map((officer) => [officer.id, officer.name])) };
    const style = { names, width: await terminalTextWidth() };
    if (job === 'roster') {
      const summary = await runScheduledRoster(services, districtId, event, services.clock());
      console.log(`outcome: ${summary.outcome}`);
      const roster = (await services.duty.rosters.read(districtId, summary.week))!;
      console.log(rosterTable(roster, style));
      await writeExports(rosterExport(roster, names), values);
    } else {
      const publisher = new PrintingPublisher();
      const summary = await runScheduledCompliance(services, publisher, districtId, event, services.clock());
      console.log(`outcome: ${summary.outcome}`);
      const report = (await services.duty.complianceReports.read(districtId, summary.week))!;
      console.log(complianceTable(report, style, summary));
      await writeExports(complianceExport(report, names), values);
      if (values.svg) {
        await writeFile(values.svg, complianceHeatMapSvg(summary.week, district.timezone, report.stations, names.stations));
        console.log(`heat map: ${values.svg}`);
      }
      // The event itself goes to the bus on AWS; here one line says what it would carry.
      for (const published of publisher.events) console.log(`event NonCompliantStations: part ${published.part} of ${published.parts}, ${published.stations.length} station(s)`);
    }
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
