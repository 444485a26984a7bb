import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDistrictFile, type DistrictFile } from '../../../functions/domain/district-file';
import { defaultDutyPolicy } from '../../../functions/domain/duty-policy';

const dingnanPath = 'infra/districts/dingnan.json';
const readDingnan = (): unknown => JSON.parse(readFileSync(join(__dirname, '../../..', dingnanPath), 'utf8'));

/** A small valid file; tests break one thing at a time (or several at once). */
function validFile() {
  const square = [[[115.0, 24.0], [115.001, 24.0], [115.001, 24.001], [115.0, 24.001], [115.0, 24.0]]];
  return {
    id: 'test-town',
    name: '测试镇',
    timezone: 'Asia/Shanghai',
    stations: [
      { id: 's1', name: '一号站', kind: 'COMMUNITY_WORKSTATION', serviceCode: 'test-town-AB12' },
      { id: 's2', name: '二号站', kind: 'SERVICE_POST', serviceCode: 'test-town-CD34' },
    ],
    officers: [
      { id: 'o1', name: '张三', role: 'AREA_CHIEF', partyMember: true, stationId: 's1', phone: '+86 170 0000 0001' },
      { id: 'o2', name: '李四', role: 'ENFORCEMENT', stationId: 's1' },
    ],
    grids: [
      { id: 'g1', code: 'TT-1', name: '第一网格', stationId: 's1', leaderId: 'o1', officerIds: ['o1', 'o2'], boundary: { type: 'Polygon', coordinates: square } },
      { id: 'g2', code: 'TT-2', name: '第二网格', stationId: 's2' },
    ],
  };
}

/** The error message `parseDistrictFile` throws, or a failure if it does not throw. */
function problemsOf(json: unknown, fileName = 'infra/districts/test-town.json'): string {
  try {
    parseDistrictFile(json, fileName);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the file to be rejected');
}

describe('the Dingnan onboarding file', () => {
  let dingnan: DistrictFile;

  beforeAll(() => {
    dingnan = parseDistrictFile(readDingnan(), dingnanPath);
  });

  it('given the real dingnan.json, when it is parsed, then it is the district 定南县 in Asia/Shanghai with the default policy', () => {
    expect(dingnan).toMatchObject({ id: 'dingnan', name: '定南县', timezone: 'Asia/Shanghai' });
    expect(dingnan.policy).toEqual(defaultDutyPolicy);
  });

  it('given the article (6 cadres over 12 residents\' committees), when the stations are counted, then there are 12 community workstations, the article\'s communities first', () => {
    expect(dingnan.stations).toHaveLength(12);
    expect(dingnan.stations.every((station) => station.kind === 'COMMUNITY_WORKSTATION')).toBe(true);
    expect(dingnan.stations.map((station) => station.community).slice(0, 2)).toEqual(['大世界社区', '京九大道社区']);
    for (const compound of ['凤凰国际', '万和一品', '弘润国际', '群贤花园', '蓝湾里']) {
      expect(dingnan.stations.some((station) => station.name.startsWith(compound))).toBe(true);
    }
    for (const station of dingnan.stations) {
      expect(station.serviceCode).toMatch(/^dingnan-ST\d{2}[A-Z]{2}$/);
      expect(station.location!.lat).toBeCloseTo(24.78, 1);
      expect(station.location!.lng).toBeCloseTo(115.03, 1);
    }
  });

  it('given each station\'s team, when its members are counted, then it has one chief, one each of enforcement, municipal, landscaping and sanitation, and at least 2 party members', () => {
    for (const station of dingnan.stations) {
      const team = dingnan.officers.filter((officer) => officer.stationId === station.id);
      expect({ station: station.id, roles: team.map((officer) => officer.role).sort() }).toEqual({
        station: station.id,
        roles: ['AREA_CHIEF', 'ENFORCEMENT', 'LANDSCAPING', 'MUNICIPAL', 'SANITATION'],
      });
      expect(team.filter((officer) => officer.partyMember).length).toBeGreaterThanOrEqual(dingnan.policy.minPartyMembersPerTeam);
      expect(team.find((officer) => officer.role === 'AREA_CHIEF')!.partyMember).toBe(true);
      expect(team.every((officer) => officer.phone)).toBe(true);
    }
  });

  it('given the grids, when they are matched to stations, then every station has a grid led by its own team, two stations have two grids, and no boundaries overlap', () => {
    for (const station of dingnan.stations) {
      const teamIds = new Set(dingnan.officers.filter((officer) => officer.stationId === station.id).map((officer) => officer.id));
      const grids = dingnan.grids.filter((grid) => grid.stationId === station.id);
      expect(grids.length).toBeGreaterThanOrEqual(1);
      for (const grid of grids) {
        expect(teamIds.has(grid.leaderId!)).toBe(true);
        expect(grid.officerIds.every((id) => teamIds.has(id))).toBe(true);
      }
    }
    const perStation = dingnan.stations.map((station) => dingnan.grids.filter((grid) => grid.stationId === station.id).length);
    expect(perStation.filter((count) => count >= 2).length).toBeGreaterThanOrEqual(2);

    const boxes = dingnan.grids.map((grid) => {
      const ring = grid.boundary!.coordinates[0]!;
      const lngs = ring.map(([lng]) => lng!);
      const lats = ring.map(([, lat]) => lat!);
      return { id: grid.id, west: Math.min(...lngs), east: Math.max(...lngs), south: Math.min(...lats), north: Math.max(...lats) };
    });
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.west < b.east && b.west < a.east && a.south < b.north && b.south < a.north;
        expect({ pair: [a.id, b.id], overlap }).toEqual({ pair: [a.id, b.id], overlap: false });
      }
    }
  });
});

describe('parseDistrictFile', () => {
  it('given a minimal file, when it is parsed, then defaults fill the optional lists and the policy', () => {
    const parsed = parseDistrictFile(validFile(), 'x.json');
    expect(parsed.policy).toEqual(defaultDutyPolicy);
    expect(parsed).toMatchObject({ allowedOrigins: [], adminEmails: [] });
    expect(parsed.stations[0]!.amenities).toEqual([]);
    expect(parsed.officers[1]).toMatchObject({ partyMember: false, unavailableWeekdays: [] });
    expect(parsed.grids[1]!.officerIds).toEqual([]);
  });

  it('given policy overrides, when the file is parsed, then they are merged over the default policy', () => {
    const parsed = parseDistrictFile({ ...validFile(), policy: { minSessionsPerWeek: 3, sessionsOnDistinctDays: false } }, 'x.json');
    expect(parsed.policy).toEqual({ ...defaultDutyPolicy, minSessionsPerWeek: 3, sessionsOnDistinctDays: false });
  });

  it('given a file with several mistakes, when it is parsed, then one error names the file and every bad path', () => {
    const file = validFile();
    const bad = {
      ...file,
      id: 'Test Town',
      timezone: 'Mars/Olympus',
      policy: { shiftWindows: [{ name: 'EARLY', start: '12:00', end: '08:00' }] },
      allowedOrigins: ['https://example.org/app'],
      adminEmails: ['not-an-email'],
      stations: [file.stations[0], { ...file.stations[1], kind: 'TENT', location: { lat: 91, lng: 0 } }],
      officers: [{ ...file.officers[0], phone: 'call me' }, { ...file.officers[1], unavailableWeekdays: ['FUNDAY'] }],
      grids: [
        { ...file.grids[0], boundary: { type: 'Polygon', coordinates: [[[115, 24], [115.001, 24], [115.001, 24.001], [115, 24.001]]] } },
        { ...file.grids[1], code: 'tt 2', extra: true },
      ],
    };

    const message = problemsOf(bad, 'infra/districts/test-town.json');

    expect(message.startsWith('infra/districts/test-town.json: ')).toBe(true);
    for (const path of [
      'id',
      'timezone',
      'policy.shiftWindows.0.end',
      'allowedOrigins.0',
      'adminEmails.0',
      'stations.1.kind',
      'stations.1.location.lat',
      'officers.0.phone',
      'officers.1.unavailableWeekdays.0',
      'grids.0.boundary.coordinates.0',
      'grids.1.code',
      'grids.1',
    ]) {
      expect(message).toContain(` ${path}: `);
    }
    // Cross-checks still run beside field errors: the service codes do not start with "Test Town-".
    expect(message).toContain(' stations.0.serviceCode: must be "Test Town-"');
  });

  it('given references to entities the file does not have, when it is parsed, then each dangling reference is reported at its path', () => {
    const file = validFile();
    file.officers[1]!.stationId = 's9';
    const dangling = { ...file, grids: [{ ...file.grids[0], stationId: 's8', leaderId: 'o9', officerIds: ['o1', 'o7'] }, file.grids[1]] };

    const message = problemsOf(dangling);

    expect(message).toContain('officers.1.stationId: no station "s9" in this file');
    expect(message).toContain('grids.0.stationId: no station "s8" in this file');
    expect(message).toContain('grids.0.leaderId: no officer "o9" in this file');
    expect(message).toContain('grids.0.officerIds.1: no officer "o7" in this file');
    expect(message).not.toContain('officerIds.0');
  });

  it('given duplicate ids, service codes and grid codes, when the file is parsed, then every repeat is reported at its path', () => {
    const file = validFile();
    file.stations[1] = { ...file.stations[1]!, serviceCode: 'test-town-AB12' };
    file.officers[1]!.id = 'o1';
    file.grids[1] = { ...file.grids[1]!, id: 'g1', code: 'TT-1' };
    file.grids[0]!.officerIds = ['o1', 'o1'];

    const message = problemsOf(file);

    expect(message).toContain('stations.1.serviceCode: duplicate service code "test-town-AB12" (also at stations.0.serviceCode)');
    expect(message).toContain('officers.1.id: duplicate officer id "o1"');
    expect(message).toContain('grids.1.id: duplicate grid id "g1"');
    expect(message).toContain('grids.1.code: duplicate grid code "TT-1"');
    expect(message).toContain('grids.0.officerIds.1: duplicate officer "o1"');
  });

  it('given a service code of another district, when the file is parsed, then the code is rejected', () => {
    const file = validFile();
    file.stations[0]!.serviceCode = 'test-AB12';
    file.stations[1]!.serviceCode = 'test-town-x-AB12';

    const message = problemsOf(file);

    expect(message).toContain('stations.0.serviceCode: must be "test-town-" followed by 4 to 12 capitals or digits');
    expect(message).toContain('stations.1.serviceCode: must be "test-town-"');
  });
});

describe('tracing', () => {
  test('given a file without tracing, when parsed, then X-Ray samples 5 % of its requests', () => {
    expect(parseDistrictFile(validFile(), 'test-town.json').tracing).toEqual({ sampleRate: 0.05 });
  });

  test('given a file with a sample rate of 0.25, when parsed, then that rate is kept', () => {
    expect(parseDistrictFile({ ...validFile(), tracing: { sampleRate: 0.25 } }, 'test-town.json').tracing).toEqual({ sampleRate: 0.25 });
  });

  test('given a rate above 1 or a misspelt key, when parsed, then each is refused by its field', () => {
    expect(problemsOf({ ...validFile(), tracing: { sampleRate: 5 } })).toContain('tracing.sampleRate: must be between 0 and 1');
    expect(problemsOf({ ...validFile(), tracing: { sampleRat: 0.1 } })).toMatch(/tracing: .*sampleRat/);
  });
});
