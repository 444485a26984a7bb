import type { StoredComplianceReport } from '../../store/compliance-reports';
import type { StoredRoster } from '../../store/rosters';
import { integer, text, type ExportTable } from './export-table';

/** Names of stations and officers by id; an unknown id is written as itself. */
export interface ExportNames {
  stations: ReadonlyMap<string, string>;
  officers: ReadonlyMap<string, string>;
}

const ROSTER_STATUS: Record<string, string> = { DRAFT: '草稿', PUBLISHED: '已发布' };

/** The week's roster: one row per shift, then the demands no officer could fill. */
export function rosterExport(roster: StoredRoster, names: ExportNames): ExportTable[] {
  const station = (id: string) => names.stations.get(id) ?? id;
  const officers = (ids: string[]) => ids.map((id) => names.officers.get(id) ?? id).join('、');
  const { header } = roster;
  return [
    {
      title: `排班 ${header.week} ${ROSTER_STATUS[header.status] ?? header.status}`,
      columns: [text('工作站'), text('日期'), text('班次'), text('开始'), text('结束'), integer('时长（分钟）'), text('值守人员'), text('借调人员')],
      rows: roster.shifts.map((shift) => [
        station(shift.stationId),
        shift.date,
        shift.window,
        shift.startsAt.slice(11, 16),
        shift.endsAt.slice(11, 16),
        shift.minutes,
        officers(shift.officerIds),
        officers(shift.borrowedOfficerIds),
      ]),
    },
    {
      title: '未排满',
      columns: [text('工作站'), text('日期'), text('原因')],
      rows: header.unfilled.map((demand) => [station(demand.stationId), demand.date, demand.reason]),
    },
  ];
}

/** The week's compliance report: one row per station (verdict and reasons), then one per officer. */
export function complianceExport(report: StoredComplianceReport, names: ExportNames): ExportTable[] {
  const { header } = report;
  return [
    {
      title: `达标 ${header.week}`,
      columns: [
        text('工作站'),
        integer('有效场次'),
        integer('要求场次'),
        integer('服务时长（分钟）'),
        integer('待核验场次'),
        text('是否达标'),
        text('未达标原因'),
      ],
      rows: report.stations.map((verdict) => [
        names.stations.get(verdict.stationId) ?? verdict.stationId,
        verdict.qualifyingSessions,
        verdict.requiredSessions,
        verdict.serviceMinutes,
        (verdict.pendingSessions ?? []).length,
        verdict.compliant ? '达标' : '未达标',
        verdict.reasons.join('；'),
      ]),
    },
    {
      title: '人员出勤',
      columns: [text('人员'), integer('排班班次'), integer('排班时长（分钟）'), integer('出勤班次'), integer('出勤时长（分钟）'), integer('缺勤班次')],
      rows: report.officers.map((duty) => [
        names.officers.get(duty.officerId) ?? duty.officerId,
        duty.rosteredShifts,
        duty.rosteredMinutes,
        duty.attendedShifts,
        duty.attendedMinutes,
        duty.noShows,
      ]),
    },
  ];
}
