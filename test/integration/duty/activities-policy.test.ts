import { claimsFor } from '../../support/graphql-handler';
import { seededExecutor, type CountingExecutor } from '../../support/seeded-executor';

const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const RECORD = `mutation R($input: RecordActivityInput!) {
  recordActivity(input: $input) { id kind title week startsAt endsAt durationMinutes station { id } officers { id } peopleReached version }
}`;
const LIST = `query L($filter: ActivityFilter, $first: Int, $after: String) {
  activities(filter: $filter, first: $first, after: $after) { edges { node { id title } } pageInfo { hasNextPage endCursor } }
}`;

let executor: CountingExecutor;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ executor, stop } = await seededExecutor());
});
afterAll(() => stop());

async function record(input: Record<string, unknown>, claims = supervisor) {
  const result = await executor.execute(RECORD, { variables: { input }, claims });
  expect(result.errors).toBeUndefined();
  return result.data!.recordActivity;
}

const publicity = (fields: Record<string, unknown> = {}) => ({
  kind: 'PUBLICITY',
  title: '城市管理进社区宣传',
  stationId: 'dn-s-01',
  startsAt: '2026-11-18T09:00:00+08:00',
  endsAt: '2026-11-18T11:00:00+08:00',
  officerIds: ['dn-o-01-1', 'dn-o-01-2'],
  peopleReached: 120,
  materialsDistributed: 300,
  ...fields,
});

describe('duty policy', () => {
  test('given the seeded district, when its policy is read, then it is the default of docs/domain.md (Duty policy) with a version', async () => {
    const result = await executor.execute(`{ district { policy { minSessionsPerWeek minSessionMinutes minEnforcementPerSession sessionsOnDistinctDays version shiftWindows { name start end } } } }`, { claims: supervisor });

    expect(result.data!.district.policy).toMatchObject({
      minSessionsPerWeek: 2,
      minSessionMinutes: 120,
      minEnforcementPerSession: 1,
      sessionsOnDistinctDays: true,
      shiftWindows: [
        { name: 'EARLY', start: '08:00', end: '12:00' },
        { name: 'MIDDLE', start: '12:00', end: '16:00' },
        { name: 'LATE', start: '16:00', end: '20:00' },
      ],
    });
  });

  test('given an admin, when the policy is updated, then the change is stored, the rest kept and the version bumps', async () => {
    const before = await executor.execute(`{ district { policy { version } } }`, { claims: admin });
    const version = before.data!.district.policy.version;

    const result = await executor.execute(
      `mutation U($input: UpdateDutyPolicyInput!) { updateDutyPolicy(input: $input) { minSessionsPerWeek minSessionMinutes version } }`,
      { variables: { input: { expectedVersion: version, minSessionsPerWeek: 3 } }, claims: admin },
    );

    expect(result.data!.updateDutyPolicy).toEqual({ minSessionsPerWeek: 3, minSessionMinutes: 120, version: version + 1 });
  });

  test('given bad windows and minutes, when the policy is updated, then BAD_USER_INPUT names each field and nothing changes', async () => {
    const before = await executor.execute(`{ district { policy { version minSessionsPerWeek } } }`, { claims: admin });

    const result = await executor.execute(
      `mutation U($input: UpdateDutyPolicyInput!) { updateDutyPolicy(input: $input) { version } }`,
      {
        variables: { input: { minSessionMinutes: 0, shiftWindows: [{ name: 'EARLY', start: '8:00', end: '12:00' }, { name: 'LATE', start: '18:00', end: '16:00' }] } },
        claims: admin,
      },
    );

    expect(result.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions.fields!.map((field) => field.path)).toEqual(
      expect.arrayContaining(['input.minSessionMinutes', 'input.shiftWindows.0.start', 'input.shiftWindows.1.end']),
    );
    expect((await executor.execute(`{ district { policy { version minSessionsPerWeek } } }`, { claims: admin })).data).toEqual(before.data);
  });

  test('given a stale expectedVersion or a supervisor, when the policy is updated, then CONFLICT or FORBIDDEN', async () => {
    const update = `mutation U($input: UpdateDutyPolicyInput!) { updateDutyPolicy(input: $input) { version } }`;

    const stale = await executor.execute(update, { variables: { input: { expectedVersion: 1, minSessionsPerWeek: 2 } }, claims: admin });
    const forbidden = await executor.execute(update, { variables: { input: { minSessionsPerWeek: 2 } }, claims: supervisor });

    expect([stale.errors?.[0]?.extensions.code, forbidden.errors?.[0]?.extensions.code]).toEqual(['CONFLICT', 'FORBIDDEN']);
  });
});

describe('activities', () => {
  test('given a supervisor, when an activity is recorded, then it is stored with its week, duration and outreach counts', async () => {
    const activity = await record(publicity());

    expect(activity).toMatchObject({
      kind: 'PUBLICITY',
      week: '2026-W47',
      durationMinutes: 120,
      station: { id: 'dn-s-01' },
      officers: [{ id: 'dn-o-01-1' }, { id: 'dn-o-01-2' }],
      peopleReached: 120,
      version: 1,
    });
    const read = await executor.execute(`query A($id: ID!) { activity(id: $id) { title materialsDistributed } }`, { variables: { id: activity.id }, claims: admin });
    expect(read.data!.activity).toEqual({ title: '城市管理进社区宣传', materialsDistributed: 300 });
  });

  test('given an end before the start, over 24 hours, or an officer of no station here, when recorded, then BAD_USER_INPUT with the field path', async () => {
    const backwards = await executor.execute(RECORD, { variables: { input: publicity({ endsAt: '2026-11-18T08:00:00+08:00' }) }, claims: supervisor });
    const tooLong = await executor.execute(RECORD, { variables: { input: publicity({ endsAt: '2026-11-19T09:30:00+08:00' }) }, claims: supervisor });
    const stranger = await executor.execute(RECORD, { variables: { input: publicity({ officerIds: ['dn-o-01-1', 'gd-o-99'] }) }, claims: supervisor });

    expect(backwards.errors?.[0]?.extensions.fields).toEqual([{ path: 'input.endsAt', message: 'must be after startsAt' }]);
    expect(tooLong.errors?.[0]?.extensions.fields).toEqual([{ path: 'input.endsAt', message: 'must be at most 24 hours after startsAt' }]);
    expect(stranger.errors?.[0]?.extensions.fields).toEqual([{ path: 'input.officerIds.1', message: 'no officer gd-o-99 in this district' }]);
  });

  test('given an officer token, when they record an activity without themselves, then FORBIDDEN; with themselves, it is stored', async () => {
    const officer = claimsFor('dingnan', 'OFFICER', 'dn-o-02-2');

    const without = await executor.execute(RECORD, { variables: { input: publicity() }, claims: officer });
    const withSelf = await executor.execute(RECORD, { variables: { input: publicity({ stationId: 'dn-s-02', officerIds: ['dn-o-02-2'] }) }, claims: officer });

    expect(without.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(withSelf.data!.recordActivity.station).toEqual({ id: 'dn-s-02' });
  });

  test('given activities in two weeks, when listed by week, station, kind and officer, then each filter holds and pages follow cursors', async () => {
    await record(publicity({ kind: 'GARBAGE_SORTING', title: '垃圾分类', stationId: 'dn-s-03', officerIds: ['dn-o-03-1'], startsAt: '2026-11-24T09:00:00+08:00', endsAt: '2026-11-24T10:00:00+08:00' }));
    await record(publicity({ kind: 'GARBAGE_SORTING', title: '垃圾分类二', stationId: 'dn-s-03', officerIds: ['dn-o-03-2'], startsAt: '2026-11-25T09:00:00+08:00', endsAt: '2026-11-25T10:00:00+08:00' }));

    const byWeek = await executor.execute(LIST, { variables: { filter: { week: '2026-W48' }, first: 1 }, claims: admin });
    const next = await executor.execute(LIST, { variables: { filter: { week: '2026-W48' }, first: 1, after: byWeek.data!.activities.pageInfo.endCursor }, claims: admin });
    const byOfficer = await executor.execute(LIST, { variables: { filter: { officerId: 'dn-o-03-2' } }, claims: admin });
    const byKind = await executor.execute(LIST, { variables: { filter: { kind: 'PUBLICITY', stationId: 'dn-s-01' } }, claims: admin });
    const foreign = await executor.execute(LIST, { variables: { filter: { week: '2026-W47' }, after: byWeek.data!.activities.pageInfo.endCursor }, claims: admin });

    const titles = [...byWeek.data!.activities.edges, ...next.data!.activities.edges].map((edge: any) => edge.node.title).sort();
    expect(titles).toEqual(['垃圾分类', '垃圾分类二']);
    expect(next.data!.activities.pageInfo.hasNextPage).toBe(false);
    expect(byOfficer.data!.activities.edges.map((edge: any) => edge.node.title)).toEqual(['垃圾分类二']);
    expect(byKind.data!.activities.edges.length).toBeGreaterThanOrEqual(1);
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'after' }] });
  });

  test('given an activity, when its start moves to the next week, then it leaves the old week\'s station list and joins the new one', async () => {
    const activity = await record(publicity({ title: '普法宣传', kind: 'LAW_EDUCATION' }));

    const moved = await executor.execute(
      `mutation U($input: UpdateActivityInput!) { updateActivity(input: $input) { week version peopleReached } }`,
      { variables: { input: { id: activity.id, expectedVersion: 1, startsAt: '2026-11-26T09:00:00+08:00', endsAt: '2026-11-26T11:00:00+08:00', peopleReached: null } }, claims: supervisor },
    );

    expect(moved.data!.updateActivity).toEqual({ week: '2026-W48', version: 2, peopleReached: null });
    const lists = await executor.execute(
      `{ station(id: "dn-s-01") { old: activities(week: "2026-W47") { title } now: activities(week: "2026-W48") { title } } }`,
      { claims: admin },
    );
    expect(lists.data!.station.old.map((entry: any) => entry.title)).not.toContain('普法宣传');
    expect(lists.data!.station.now.map((entry: any) => entry.title)).toContain('普法宣传');
  });

  test('given an activity, when it is deleted at a stale version, then CONFLICT; at the current one, it is gone', async () => {
    const activity = await record(publicity({ title: '绿化帮扶', kind: 'GREENING' }));
    const remove = `mutation D($id: ID!, $v: Int) { deleteActivity(id: $id, expectedVersion: $v) { id title } }`;

    const stale = await executor.execute(remove, { variables: { id: activity.id, v: 7 }, claims: admin });
    const removed = await executor.execute(remove, { variables: { id: activity.id, v: 1 }, claims: admin });
    const read = await executor.execute(`query A($id: ID!) { activity(id: $id) { id } }`, { variables: { id: activity.id }, claims: admin });

    expect(stale.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(removed.data!.deleteActivity).toEqual({ id: activity.id, title: '绿化帮扶' });
    expect(read.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });
});
