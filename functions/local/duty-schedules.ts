import { DateTime } from 'luxon';
import { createServices } from '../app/services';
import type { CompliancePublisher } from '../app/compliance/event-publisher';
import { runScheduledCompliance } from '../app/compliance/scheduled-run';
import { runScheduledRoster } from '../app/roster/scheduled-run';
import { createStore } from '../store/client';
import { recordEndpoint } from './duty-jobs';

export interface LocalDutySchedulesOptions {
  endpoint: string;
  tableName: string;
  districtId: string;
  /** The endpoint is recorded here for `npm run roster` / `npm run compliance`. */
  dataDir: string;
  log(line: string): void;
}

/** The next instant at `weekday` (1 = Monday) `hour`:00 in `timezone`, strictly after `from`. */
export function nextFireTime(from: DateTime, weekday: number, hour: number, timezone: string): DateTime {
  const local = from.setZone(timezone);
  let candidate = local.set({ weekday: weekday as 1, hour, minute: 0, second: 0, millisecond: 0 });
  if (candidate <= local) candidate = candidate.plus({ weeks: 1 });
  return candidate;
}

/**
 * `npm start` runs the duty jobs on the deployed cron, in the district's time zone: the roster
 * Fridays 18:00 (next week), compliance Mondays 02:00 (last week; the event is logged, there
 * is no bus locally). Timers are unref'd, so they never keep the process alive. Also records
 * DynamoDB Local's endpoint for the duty CLI.
 */
export async function startLocalDutySchedules(options: LocalDutySchedulesOptions): Promise<void> {
  await recordEndpoint(options.dataDir, options.endpoint);
  const services = createServices(createStore({ tableName: options.tableName, endpoint: options.endpoint, region: 'cn-north-1' }));
  const timezone = (await services.districts.get(options.districtId))?.timezone ?? 'Asia/Shanghai';
  const publisher: CompliancePublisher = { publish: async (event) => options.log(`duty: NonCompliantStations ${JSON.stringify(event)}`) };
  const every = (weekday: number, hour: number, run: (scheduledTime: string) => Promise<object>) => {
    const arm = () => {
      const at = nextFireTime(DateTime.now(), weekday, hour, timezone);
      setTimeout(() => {
        run(at.toISO()!).then(
          (summary) => options.log(`duty: ${JSON.stringify(summary)}`),
          (error: unknown) => options.log(`duty: run failed: ${(error as Error).message}`),
        ).finally(arm);
      }, at.toMillis() - Date.now()).unref();
    };
    arm();
  };
  every(5, 18, (scheduledTime) => runScheduledRoster(services, options.districtId, { scheduledTime }, services.clock()));
  every(1, 2, (scheduledTime) => runScheduledCompliance(services, publisher, options.districtId, { scheduledTime }, services.clock()));
  options.log(`duty schedules (${timezone}): roster Fridays 18:00, compliance Mondays 02:00`);
}
