import { claimsFor } from '../../support/graphql-handler';
import { movingClock } from '../../support/moving-clock';
import { seededExecutor, type CountingExecutor } from '../../support/seeded-executor';

const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
// 王振宇, enforcement officer of station 03; 王俊杰, enforcement officer of station 07.
const officerOf03 = claimsFor('dingnan', 'OFFICER', 'dn-o-03-2');
const officerOf07 = claimsFor('dingnan', 'OFFICER', 'dn-o-07-2');
const WEEK = '2026-W47';
const RECORD = `mutation R($input: RecordActivityInput!) { recordActivity(input: $input) { id version verifiedAt } }`;
const STATION_07 = `query { complianceReport(week: "${WEEK}") { stations { station { id } compliant qualifyingSessions reasons
  sessions { activities { id verifiedAt verifiedBy } } pendingSessions { activity { id } date minutes officers { id } } } } }`;

let executor: CountingExecutor;
let stop: () => Promise<void>;
const clock = movingClock('2026-11-23T02:00:00+08:00');

beforeAll(async () => {
  ({ executor, stop } = await seededExecutor({ clock: clock.now }));
}, 60_000);
afterAll(() => stop());

const sessionAt07 = (date: string) => ({
  kind: 'SERVICE_SESSION',
  title: '服务群众面对面',
  stationId: 'dn-s-07',
  startsAt: `${date}T09:00:00+08:00`,
  endsAt: `${date}T11:30:00+08:00`,
  officerIds: ['dn-o-07-2', 'dn-o-03-2'],
});

async function station07() {
  const computed = await executor.execute(`mutation { computeCompliance(week: "${WEEK}") { id } }`, { claims: admin });
  expect(computed.errors).toBeUndefined();
  const report = await executor.execute(STATION_07, { claims: admin });
  return report.data!.complianceReport.stations.find((entry: { station: { id: string } }) => entry.station.id === 'dn-s-07');
}

describe('a service session counts only when its presence is shown', () => {
  let recorded: { id: string; version: number }[];

  test('given an officer of station 03, when they record sessions at station 07 where they are neither at home nor rostered, then FORBIDDEN and nothing is written', async () => {
    const result = await executor.execute(RECORD, { variables: { input: sessionAt07('2026-11-17') }, claims: officerOf03 });

    expect(result.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toBe(
      'An officer records activities at their home station or a station they are rostered at that day, not at dn-s-07 on 2026-11-17',
    );
    const stored = await executor.execute(`{ activities(filter: { week: "${WEEK}" }) { edges { node { id } } } }`, { claims: admin });
    expect(stored.data!.activities.edges).toEqual([]);
  });

  test('given an officer of station 07, when they record two sessions there naming themself and an officer of station 03, then station 07 stays non-compliant with both sessions pending verification', async () => {
    recorded = [];
    for (const date of ['2026-11-17', '2026-11-19']) {
      const result = await executor.execute(RECORD, { variables: { input: sessionAt07(date) }, claims: officerOf07 });
      expect(result.errors).toBeUndefined();
      recorded.push(result.data!.recordActivity);
    }

    const verdict = await station07();

    expect(verdict).toMatchObject({ compliant: false, qualifyingSessions: 0, sessions: [] });
    expect(verdict.pendingSessions).toEqual([
      { activity: { id: recorded[0]!.id }, date: '2026-11-17', minutes: 150, officers: [{ id: 'dn-o-03-2' }, { id: 'dn-o-07-2' }] },
      { activity: { id: recorded[1]!.id }, date: '2026-11-19', minutes: 150, officers: [{ id: 'dn-o-03-2' }, { id: 'dn-o-07-2' }] },
    ]);
    expect(verdict.reasons).toEqual([
      '0 of 2 required sessions held',
      '2026-11-17: the session 09:00–11:30 is pending verification and not counted',
      '2026-11-19: the session 09:00–11:30 is pending verification and not counted',
    ]);
  });

  test.each([
    ['the officer themself', officerOf07],
    ['a SCHEDULER', claimsFor('dingnan', 'SCHEDULER')],
    ['an ADMIN', admin],
  ])('given %s, when they verify the session, then FORBIDDEN', async (_who, claims) => {
    const result = await executor.execute(`mutation { verifyActivity(id: "${recorded[0]!.id}") { id } }`, { claims });

    expect(result.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  test('given a SUPERVISOR of the district, when they verify both sessions, then who and when are kept and station 07 complies', async () => {
    for (const activity of recorded) {
      const result = await executor.execute(`mutation { verifyActivity(id: "${activity.id}", expectedVersion: ${activity.version}) { verifiedAt verifiedBy version } }`, { claims: supervisor });
      expect(result.data!.verifyActivity).toEqual({ verifiedAt: '2026-11-23T02:00:00+08:00', verifiedBy: supervisor.sub, version: 2 });
    }

    const verdict = await station07();

    expect(verdict).toMatchObject({ compliant: true, qualifyingSessions: 2, pendingSessions: [], reasons: [] });
    expect(verdict.sessions.flatMap((session: { activities: unknown[] }) => session.activities)).toEqual([
      { id: recorded[0]!.id, verifiedAt: '2026-11-23T02:00:00+08:00', verifiedBy: supervisor.sub },
      { id: recorded[1]!.id, verifiedAt: '2026-11-23T02:00:00+08:00', verifiedBy: supervisor.sub },
    ]);
  });

  test('given a verified session, when its officer changes it, then the verification is cleared and it is pending again', async () => {
    const result = await executor.execute(`mutation { updateActivity(input: { id: "${recorded[1]!.id}", endsAt: "2026-11-19T12:30:00+08:00" }) { verifiedAt verifiedBy version } }`, {
      claims: officerOf07,
    });

    expect(result.data!.updateActivity).toEqual({ verifiedAt: null, verifiedBy: null, version: 3 });
    const verdict = await station07();
    expect(verdict).toMatchObject({ compliant: false, qualifyingSessions: 1 });
    expect(verdict.pendingSessions).toHaveLength(1);
  });
});

describe('a check-in at the station is evidence too', () => {
  test('given an officer checked in on a rostered shift, when they record a session within it, then it counts without verification', async () => {
    const roster = await executor.execute(`mutation { generateRoster(week: "2026-W48") { shifts { id startsAt endsAt station { id } officers { id } } } }`, { claims: admin });
    const shift = roster.data!.generateRoster.shifts[0];
    const officerId: string = shift.officers[0].id;
    clock.set(shift.startsAt);
    const checkedIn = await executor.execute(`mutation { checkIn(shiftId: "${shift.id}") { changed } }`, { claims: claimsFor('dingnan', 'OFFICER', officerId) });
    expect(checkedIn.errors).toBeUndefined();
    const startsAt = new Date(Date.parse(shift.startsAt) + 30 * 60_000).toISOString();
    const endsAt = new Date(Date.parse(shift.startsAt) + 150 * 60_000).toISOString();

    const activity = await executor.execute(RECORD, {
      variables: { input: { kind: 'SERVICE_SESSION', title: '服务群众面对面', stationId: shift.station.id, startsAt, endsAt, officerIds: [officerId] } },
      claims: claimsFor('dingnan', 'OFFICER', officerId),
    });
    await executor.execute(`mutation { computeCompliance(week: "2026-W48") { id } }`, { claims: admin });
    const report = await executor.execute(`{ station(id: "${shift.station.id}") { compliance(week: "2026-W48") { sessions { minutes activities { id } } pendingSessions { date } } } }`, {
      claims: admin,
    });

    expect(report.data!.station.compliance).toEqual({ sessions: [{ minutes: 120, activities: [{ id: activity.data!.recordActivity.id }] }], pendingSessions: [] });
  });
});
