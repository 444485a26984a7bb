import { complianceHeatMapSvg } from '../../../../functions/app/compliance/heat-map-svg';
import { evaluateCompliance } from '../../../../functions/domain/compliance/evaluate-compliance';
import { defaultDutyPolicy } from '../../../../functions/domain/duty-policy';

/** Xi'an's worked example at 幸福里, plus a station with a compliant week, and one pending session. */
const result = evaluateCompliance({
  week: '2026-W47',
  timezone: 'Asia/Shanghai',
  policy: defaultDutyPolicy,
  evaluatedAt: '2026-11-23T02:00:00+08:00',
  stations: [{ id: 'xingfuli' }, { id: 'yanhe' }],
  officers: [{ id: 'chen', role: 'ENFORCEMENT' }],
  activities: [
    { id: 'a1', kind: 'SERVICE_SESSION', stationId: 'xingfuli', startsAt: '2026-11-17T09:00:00+08:00', endsAt: '2026-11-17T11:30:00+08:00', officerIds: ['chen'], verifiedAt: '2026-11-17T12:00:00+08:00' },
    { id: 'a2', kind: 'SERVICE_SESSION', stationId: 'xingfuli', startsAt: '2026-11-18T14:00:00+08:00', endsAt: '2026-11-18T15:30:00+08:00', officerIds: ['chen'], verifiedAt: '2026-11-18T16:00:00+08:00' },
    { id: 'a3', kind: 'SERVICE_SESSION', stationId: 'xingfuli', startsAt: '2026-11-20T09:00:00+08:00', endsAt: '2026-11-20T11:00:00+08:00', officerIds: ['chen'] },
    { id: 'b1', kind: 'SERVICE_SESSION', stationId: 'yanhe', startsAt: '2026-11-16T09:00:00+08:00', endsAt: '2026-11-16T11:00:00+08:00', officerIds: ['chen'], verifiedAt: '2026-11-16T12:00:00+08:00' },
    { id: 'b2', kind: 'SERVICE_SESSION', stationId: 'yanhe', startsAt: '2026-11-19T16:00:00+08:00', endsAt: '2026-11-19T18:00:00+08:00', officerIds: ['chen'], verifiedAt: '2026-11-19T19:00:00+08:00' },
  ],
  shifts: [],
  attendance: [],
});
const svg = complianceHeatMapSvg('2026-W47', 'Asia/Shanghai', result.stations, new Map([['xingfuli', '幸福里<工作站>'], ['yanhe', '沿河']]));

/** The attributes of each cell, as `station date → { minutes, short, pending }`. */
function cells(text: string): Record<string, { minutes: number; short: boolean; pending: number }> {
  const found: Record<string, { minutes: number; short: boolean; pending: number }> = {};
  for (const row of text.matchAll(/<g data-station="([^"]+)"[^>]*>([\s\S]*?)<\/g>\n<\/g>/g)) {
    for (const cell of `${row[2]}</g>`.matchAll(/<g data-date="([^"]+)" data-minutes="(\d+)" data-short="(true|false)" data-pending="(\d+)">/g)) {
      found[`${row[1]} ${cell[1]}`] = { minutes: Number(cell[2]), short: cell[3] === 'true', pending: Number(cell[4]) };
    }
  }
  return found;
}

describe('the week as an SVG heat map', () => {
  test('given the worked example, when drawn, then the 90-minute day at 幸福里 is the only cell marked short and the others carry their minutes', () => {
    const found = cells(svg);

    expect(Object.keys(found)).toHaveLength(14);
    expect(Object.entries(found).filter(([, cell]) => cell.short).map(([key]) => key)).toEqual(['xingfuli 2026-11-18']);
    expect(found['xingfuli 2026-11-17']).toEqual({ minutes: 150, short: false, pending: 0 });
    expect(found['xingfuli 2026-11-20']).toEqual({ minutes: 0, short: false, pending: 1 });
    expect(found['yanhe 2026-11-19']).toEqual({ minutes: 120, short: false, pending: 0 });
  });

  test('given the worked example, when drawn, then it reads in Chinese without a legend and names are escaped', () => {
    expect(svg).toContain('90 分钟 不足');
    expect(svg).toContain('待核实 1');
    expect(svg).toContain('周三 11-18');
    expect(svg).toContain('幸福里&lt;工作站&gt;（未达标）');
    expect(svg).toContain('沿河（达标）');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });
});
