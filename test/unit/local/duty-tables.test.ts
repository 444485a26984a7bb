import type { StoredComplianceReport } from '../../../functions/store/compliance-reports';
import type { StoredRoster } from '../../../functions/store/rosters';
import { complianceTable, rosterTable, table, terminalTextWidth, type TableStyle } from '../../../functions/local/duty-tables';

const names = {
  stations: new Map([
    ['s1', '幸福里社区城管服务工作站'],
    ['s2', 'Yanhe ｽﾃｰｼｮﾝ'],
  ]),
  officers: new Map([
    ['o1', '陈建国'],
    ['o2', '李娜'],
  ]),
};
let style: TableStyle;

beforeAll(async () => {
  style = { names, width: await terminalTextWidth() };
});

/** The terminal column where `needle` starts on each line that has it. */
const columnsOf = (text: string, needle: string) =>
  text
    .split('\n')
    .filter((line) => line.includes(needle))
    .map((line) => style.width(line.slice(0, line.indexOf(needle))));

describe('CLI tables aligned for Chinese text', () => {
  test('given wide Chinese and half-width katakana cells, when tabled, then every column starts at the same terminal column', () => {
    const text = table(['station', 'verdict'], [['幸福里', 'NO'], ['ｽﾃｰｼｮﾝ', 'yes'], ['plain', 'yes']], style.width);
    const lines = text.split('\n');

    // 幸福里 is 6 columns, ｽﾃｰｼｮﾝ 6 (half-width forms take one each), "station" 7: the verdict column starts at 9.
    expect(lines.map((line) => style.width(line.replace(/(NO|yes|verdict|-+)$/, '')))).toEqual([9, 9, 9, 9, 9]);
  });

  test('given a roster, when printed, then officers appear by name and the columns line up', () => {
    const roster = {
      header: { week: '2026-W48', status: 'DRAFT', unfilled: [], fairness: { maxSpreadMinutes: 0 }, generatedAt: '2026-11-20T18:00:00+08:00' },
      shifts: [
        { stationId: 's1', date: '2026-11-24', window: 'EARLY', startsAt: '2026-11-24T08:00:00+08:00', endsAt: '2026-11-24T12:00:00+08:00', officerIds: ['o1', 'o2'], borrowedOfficerIds: [] },
        { stationId: 's2', date: '2026-11-25', window: 'LATE', startsAt: '2026-11-25T16:00:00+08:00', endsAt: '2026-11-25T20:00:00+08:00', officerIds: ['o2'], borrowedOfficerIds: ['o2'] },
      ],
    } as unknown as StoredRoster;

    const text = rosterTable(roster, style);

    expect(text).toContain('陈建国、李娜');
    expect(text).not.toContain('o1');
    expect(new Set(columnsOf(text, '2026-11-24').concat(columnsOf(text, '2026-11-25'))).size).toBe(1);
    expect(new Set(columnsOf(text, 'EARLY').concat(columnsOf(text, 'LATE'))).size).toBe(1);
  });

  test('given a compliance report, when printed, then it is a table of station, verdict, pending and reasons rather than a JSON line', () => {
    const report = {
      header: { week: '2026-W47', compliantCount: 1, stationCount: 2, complianceRate: 0.5, generatedAt: '2026-11-23T02:00:00+08:00' },
      stations: [
        { stationId: 's1', qualifyingSessions: 1, requiredSessions: 2, serviceMinutes: 240, compliant: false, reasons: ['1 of 2 required sessions held', '2026-11-18: 90 min, under 120'], sessions: [], pendingSessions: [] },
        { stationId: 's2', qualifyingSessions: 2, requiredSessions: 2, serviceMinutes: 300, compliant: true, reasons: [], sessions: [], pendingSessions: [] },
      ],
      officers: [],
    } as unknown as StoredComplianceReport;

    const text = complianceTable(report, style);
    const lines = text.split('\n');

    expect(lines[0]).toBe('compliance 2026-W47: 1 of 2 stations compliant (50 %), generated 2026-11-23T02:00:00+08:00');
    expect(lines[1]).toMatch(/^station\s+sessions\s+minutes\s+pending\s+compliant\s+reasons$/);
    expect(lines[3]).toMatch(/^幸福里社区城管服务工作站\s+1\/2\s+240\s+0\s+NO\s+1 of 2 required sessions held; 2026-11-18: 90 min, under 120$/);
    expect(text).not.toContain('{');
    expect(new Set(columnsOf(text, '1/2').concat(columnsOf(text, '2/2'))).size).toBe(1);
  });
});
