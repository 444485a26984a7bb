import { DateTime } from 'luxon';
import type { Caller } from '../../domain/caller';
import type { IssueStats } from '../../domain/issues/issue-stats';
import { issueStats } from '../issues/issue-stats-query';
import type { Services } from '../services';
import { integer, percent, text, type ExportTable } from './export-table';

/** The KPIs of one scope of the period: the district, a station or a grid. */
export interface ScopedKpis {
  scope: '全区' | '工作站' | '网格';
  name: string;
  stats: IssueStats;
}

/** A calendar month `YYYY-MM` as the first and last district dates of it. */
export function monthPeriod(month: string): { from: string; to: string } {
  const first = DateTime.fromISO(`${month}-01`, { zone: 'utc' });
  if (!/^\d{4}-\d{2}$/.test(month) || !first.isValid) throw new RangeError(`a month is written YYYY-MM, not "${month}"`);
  return { from: first.toISODate()!, to: first.endOf('month').toISODate()! };
}

/**
 * The period's issue KPIs for the district, each station and each grid, through the same use
 * case as the API's issueStats (so the numbers are the API's). One call covers a month report.
 */
export async function periodKpis(services: Services, caller: Caller, period: { from: string; to: string }): Promise<ScopedKpis[]> {
  const [district, stations, grids] = await Promise.all([
    services.districts.get(caller.districtId),
    services.stations.all(caller.districtId),
    services.grids.all(caller.districtId),
  ]);
  const scopes: { scope: ScopedKpis['scope']; name: string; args: Record<string, string> }[] = [
    { scope: '全区', name: district?.name ?? caller.districtId, args: {} },
    ...stations.map((station) => ({ scope: '工作站' as const, name: station.name, args: { stationId: station.id } })),
    ...grids.map((grid) => ({ scope: '网格' as const, name: grid.name, args: { gridId: grid.id } })),
  ];
  return Promise.all(scopes.map(async ({ scope, name, args }) => ({ scope, name, stats: await issueStats(services, caller, { ...period, ...args }) })));
}

/** The KPI table: one row per scope, counts then rates (fractions, shown as percentages). */
export function kpiExport(period: { from: string; to: string }, kpis: ScopedKpis[]): ExportTable[] {
  return [
    {
      title: `问题指标 ${period.from}至${period.to}`,
      columns: [
        text('范围'),
        text('名称'),
        integer('问题总数'),
        integer('已立案'),
        integer('已处置'),
        integer('已结案'),
        integer('返工'),
        integer('现场处置'),
        integer('巡查发现'),
        integer('群众上报'),
        integer('超期未结'),
        percent('立案率'),
        percent('按期结案率'),
        percent('返工率'),
        percent('响应率'),
        percent('处置率'),
        percent('现场处置率'),
        percent('群众诉求解决率'),
        percent('满意率'),
        integer('处置时长中位数（分钟）'),
      ],
      rows: kpis.map(({ scope, name, stats }) => [
        scope,
        name,
        stats.total,
        stats.registered,
        stats.resolved,
        stats.closed,
        stats.reopened,
        stats.resolvedOnSite,
        stats.patrolFound,
        stats.residentReported,
        stats.overdue,
        stats.registrationRate,
        stats.onTimeClosureRate,
        stats.reworkRate,
        stats.responseRate,
        stats.resolutionRate,
        stats.onSiteResolutionRate,
        stats.residentResolutionRate,
        stats.satisfactionRate,
        stats.medianMinutesToResolve,
      ]),
    },
  ];
}
