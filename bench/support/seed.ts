import { join } from 'node:path';
import { parseDistrictFile, type DistrictFile } from '../../functions/domain/district-file';
import { daysOfWeek, weekRelativeTo } from '../../functions/domain/duty/iso-week';
import type { Store } from '../../functions/store/client';
import { syncDistrict } from '../../functions/store/onboarding/sync-district';
import { readDistrictFile } from '../../infra/district-files';
import type { DirectExecutor } from './direct-executor';
import { PATROLLING_ROLES } from '../../functions/domain/vocabulary';
import { claimsFor } from '../../test/support/graphql-handler';
import { BENCH300, DINGNAN, admin, admin300 } from './operations';

const TIMEZONE = 'Asia/Shanghai';
const CATEGORIES = [
  'DAMAGED_MUNICIPAL_FACILITY', 'GREENERY_DESTROYED', 'GARBAGE_NOT_COLLECTED', 'ILLEGAL_DUMPING', 'ROAD_OCCUPYING_BUSINESS', 'ILLEGAL_CONSTRUCTION',
  'FLYERS_AND_ADS', 'UNCIVIL_DOG_KEEPING', 'MESSY_WIRING', 'STRAY_STALL',
] as const;

/** What the benchmarks query: ids and the week the seed filled. */
export interface SeededData {
  week: string;
  dingnan: DistrictFile;
  /** Points inside each Dingnan grid (the grid's centre), so reports are routed and assigned. */
  gridCentres: { lat: number; lng: number }[];
}

const REPORT = `mutation R($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id } } }`;
const RECORD = `mutation A($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`;
const COMPUTE = `mutation C($week: IsoWeek!) { computeCompliance(week: $week) { stationCount } }`;

/** A district of `stations` stations with an enforcement officer and a sanitation officer each: the 300-station compliance report. */
export function generatedDistrict(id: string, stations: number): DistrictFile {
  const pad = (index: number) => String(index).padStart(4, '0');
  return parseDistrictFile(
    {
      id,
      name: `基准测试区 ${stations}`,
      timezone: TIMEZONE,
      stations: Array.from({ length: stations }, (_unused, index) => ({
        id: `${id}-s-${pad(index)}`,
        name: `第${index + 1}号城市服务驿站`,
        kind: 'SERVICE_POST',
        community: `第${Math.floor(index / 10) + 1}社区`,
        location: { lat: 22.9 + index / 10_000, lng: 114.1 + index / 10_000 },
        serviceCode: `${id}-S${pad(index)}`,
      })),
      officers: Array.from({ length: stations * 2 }, (_unused, index) => ({
        id: `${id}-o-${pad(index)}`,
        name: `队员${index + 1}`,
        role: index % 2 === 0 ? 'ENFORCEMENT' : 'SANITATION',
        stationId: `${id}-s-${pad(Math.floor(index / 2))}`,
      })),
    },
    `${id} (generated)`,
  );
}

function centreOf(grid: DistrictFile['grids'][number]): { lat: number; lng: number } {
  const ring = grid.boundary!.coordinates[0]!.slice(0, -1);
  return {
    lng: ring.reduce((sum, [lng]) => sum + lng!, 0) / ring.length,
    lat: ring.reduce((sum, [, lat]) => sum + lat!, 0) / ring.length,
  };
}

async function must(api: DirectExecutor, document: string, variables: Record<string, unknown>, claims: Record<string, string>): Promise<Record<string, any>> {
  const result = await api.execute(document, variables, claims);
  if (result.errors?.length) throw new Error(`seeding failed: ${result.errors.map((error) => error.message).join('; ')}`);
  return result.data as Record<string, any>;
}

/** Two sessions this week: one that qualifies (120 min with an enforcement officer), one that does not (90 min). */
async function sessions(api: DirectExecutor, claims: Record<string, string>, week: string, stationId: string, officerId: string): Promise<void> {
  const [monday, , wednesday] = daysOfWeek(week, TIMEZONE);
  for (const [day, from, to] of [[monday!.date, '09:00', '11:00'], [wednesday!.date, '14:00', '15:30']] as const) {
    await must(api, RECORD, {
      input: { kind: 'SERVICE_SESSION', title: '服务群众面对面', stationId, startsAt: `${day}T${from}:00+08:00`, endsAt: `${day}T${to}:00+08:00`, officerIds: [officerId] },
    }, claims);
  }
}

/**
 * Seeds through the code paths production uses: the onboarding sync for reference data (Dingnan
 * from its file; a generated 300-station district), then the API's own mutations for issues
 * (routed, assigned, some resolved on the spot), this week's service sessions and both
 * districts' compliance reports.
 */
export async function seedBenchData(store: Store, api: DirectExecutor, options: { issues: number }): Promise<SeededData> {
  const dingnan = readDistrictFile(join(__dirname, '..', '..', 'infra', 'districts', `${DINGNAN}.json`));
  const bench300 = generatedDistrict(BENCH300, 300);
  await syncDistrict(store, dingnan);
  await syncDistrict(store, bench300);
  const week = weekRelativeTo(new Date(), TIMEZONE, 0);
  const gridCentres = dingnan.grids.map(centreOf);

  // On-the-spot resolutions are taken only from a patrolling officer of the grid, on their own token.
  const patrollerOf = (grid: DistrictFile['grids'][number]) =>
    [grid.leaderId, ...grid.officerIds].map((id) => dingnan.officers.find((officer) => officer.id === id)).find((officer) => officer && PATROLLING_ROLES.includes(officer.role));
  for (let index = 0; index < options.issues; index += 1) {
    const patroller = index % 4 === 0 ? patrollerOf(dingnan.grids[index % dingnan.grids.length]!) : undefined;
    await must(api, REPORT, {
      input: {
        category: CATEGORIES[index % CATEGORIES.length],
        description: `巡查发现问题 #${index}`,
        location: gridCentres[index % gridCentres.length],
        source: 'PATROL',
        resolvedOnSite: !!patroller,
      },
    }, patroller ? claimsFor(DINGNAN, 'OFFICER', patroller.id) : admin);
  }
  for (const station of dingnan.stations) {
    const enforcement = dingnan.officers.find((officer) => officer.stationId === station.id && ['ENFORCEMENT', 'AREA_CHIEF'].includes(officer.role));
    if (enforcement) await sessions(api, admin, week, station.id, enforcement.id);
  }
  for (const station of bench300.stations) {
    const enforcement = bench300.officers.find((officer) => officer.stationId === station.id && officer.role === 'ENFORCEMENT')!;
    await sessions(api, admin300, week, station.id, enforcement.id);
  }
  await must(api, COMPUTE, { week }, admin);
  await must(api, COMPUTE, { week }, admin300);
  return { week, dingnan, gridCentres };
}
