import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createServices } from '../../../functions/app/services';
import { generateWeekRoster } from '../../../functions/app/roster/generate-roster';
import { batchWrite } from '../../../functions/store/batch-write';
import { weekPartition } from '../../../functions/store/duty-keys';
import { claimsFor } from '../../support/graphql-handler';
import { seededExecutor, type CountingExecutor } from '../../support/seeded-executor';
import type { TestStore } from '../../support/test-store';

const admin = claimsFor('dingnan', 'ADMIN');
const scheduler = claimsFor('dingnan', 'SCHEDULER');
const officer = claimsFor('dingnan', 'OFFICER', 'dn-o-01-2');
const WEEK = '2026-W48';

const GENERATE = `mutation G($week: IsoWeek!, $force: Boolean) {
  generateRoster(week: $week, force: $force) { week status generatedAt version unfilled { station { id } date reason } fairness { maxSpreadMinutes }
    shifts { id station { id } date window startsAt endsAt minutes officers { id role } borrowedOfficers { id } } }
}`;
const ROSTER = `query R($week: IsoWeek!) { roster(week: $week) { status version generatedAt shifts { id officers { id } } } }`;

let store: TestStore;
let executor: CountingExecutor;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ store, executor, stop } = await seededExecutor({ clock: () => new Date('2026-11-20T18:00:00+08:00') }));
});
afterAll(() => stop());

/** Every shift row stored in the week's partition, whatever its generation: what "no leftovers" is about. */
async function storedShiftRows(week: string): Promise<string[]> {
  const output = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': weekPartition('dingnan', week), ':prefix': 'ROSTER#' },
    }),
  );
  return (output.Items ?? []).map((item) => item.SK as string);
}

describe('rosters in DynamoDB', () => {
  test('given the Dingnan seed, when a scheduler generates next week, then a DRAFT with 2 shifts per station is stored and readable', async () => {
    const generated = await executor.execute(GENERATE, { variables: { week: WEEK }, claims: scheduler });

    expect(generated.errors).toBeUndefined();
    const roster = generated.data!.generateRoster;
    expect(roster).toMatchObject({ week: WEEK, status: 'DRAFT', version: 1, unfilled: [] });
    expect(roster.shifts).toHaveLength(24);
    for (const shift of roster.shifts) {
      expect(shift.officers.some((member: any) => ['AREA_CHIEF', 'ENFORCEMENT'].includes(member.role))).toBe(true);
      expect(shift.id).toBe(`${shift.date}.${shift.window}.${shift.station.id}`);
    }
    const read = await executor.execute(ROSTER, { variables: { week: WEEK }, claims: officer });
    expect(read.data!.roster.shifts.map((shift: any) => shift.id)).toEqual(roster.shifts.map((shift: any) => shift.id));
    expect(await storedShiftRows(WEEK)).toHaveLength(24);
  });

  test('given an unchanged district, when the roster job runs again, then the stored roster is the same and nothing is duplicated', async () => {
    const services = createServices(store);
    const before = await executor.execute(ROSTER, { variables: { week: WEEK }, claims: admin });

    const rerun = await generateWeekRoster(services, 'dingnan', WEEK, { force: false, now: '2026-11-20T10:05:00.000Z' });

    expect(rerun.outcome).toBe('UNCHANGED');
    const after = await executor.execute(ROSTER, { variables: { week: WEEK }, claims: admin });
    expect(after.data).toEqual(before.data);
    expect(await storedShiftRows(WEEK)).toHaveLength(24);
  });

  test('given a run that crashed after writing part of another generation, when the job runs again, then the stray rows are cleared', async () => {
    await batchWrite(store, {
      puts: [{ PK: weekPartition('dingnan', WEEK), SK: 'ROSTER#deadbeefdeadbeef#2026-11-23.EARLY.dn-s-01', stationId: 'dn-s-01' }],
    });
    expect(await storedShiftRows(WEEK)).toHaveLength(25);

    const rerun = await generateWeekRoster(createServices(store), 'dingnan', WEEK, { force: false, now: '2026-11-20T10:10:00.000Z' });

    expect(rerun.outcome).toBe('UNCHANGED');
    expect(await storedShiftRows(WEEK)).toHaveLength(24);
  });

  test('given a deactivated station, when the DRAFT is regenerated, then it is replaced with no leftover shifts of that station', async () => {
    await executor.execute(`mutation { deactivateStation(id: "dn-s-12") { id } }`, { claims: admin });

    const regenerated = await executor.execute(GENERATE, { variables: { week: WEEK }, claims: admin });

    expect(regenerated.errors).toBeUndefined();
    const shifts = regenerated.data!.generateRoster.shifts;
    expect(shifts).toHaveLength(22);
    expect(shifts.some((shift: any) => shift.station.id === 'dn-s-12')).toBe(false);
    expect(regenerated.data!.generateRoster.version).toBe(2);
    expect(await storedShiftRows(WEEK)).toHaveLength(22);
  });

  test('given a published roster, when it is regenerated without force, then CONFLICT and the published roster is unchanged', async () => {
    const published = await executor.execute(`mutation { publishRoster(week: "${WEEK}") { status publishedAt version } }`, { claims: admin });
    expect(published.data!.publishRoster).toMatchObject({ status: 'PUBLISHED', version: 3 });
    await executor.execute(`mutation { updateStation(input: { id: "dn-s-12" }) { id } }`, { claims: admin });
    const before = await executor.execute(ROSTER, { variables: { week: WEEK }, claims: admin });

    const refused = await executor.execute(GENERATE, { variables: { week: WEEK }, claims: admin });

    expect(refused.errors?.map((error) => error.extensions.code)).toEqual(['CONFLICT']);
    expect((await executor.execute(ROSTER, { variables: { week: WEEK }, claims: admin })).data).toEqual(before.data);
  });

  test('given a published roster, when it is published again, then nothing changes', async () => {
    const before = await executor.execute(ROSTER, { variables: { week: WEEK }, claims: admin });

    const again = await executor.execute(`mutation { publishRoster(week: "${WEEK}") { status version } }`, { claims: admin });

    expect(again.data!.publishRoster).toEqual({ status: 'PUBLISHED', version: before.data!.roster.version });
  });

  test('given leave added for an officer, when the published week is regenerated with force, then the officer has no shift in the leave and the roster is DRAFT again', async () => {
    const rostered = await executor.execute(`{ officer(id: "dn-o-03-1") { shifts(week: "${WEEK}") { date } } }`, { claims: admin });
    const [firstShift] = rostered.data!.officer.shifts;
    const leave = await executor.execute(
      `mutation L($from: Date!, $to: Date!) { addLeave(officerId: "dn-o-03-1", from: $from, to: $to, reason: "年假") { officer { id } from to reason } }`,
      { variables: { from: firstShift.date, to: firstShift.date }, claims: admin },
    );
    expect(leave.data!.addLeave).toEqual({ officer: { id: 'dn-o-03-1' }, from: firstShift.date, to: firstShift.date, reason: '年假' });

    const forced = await executor.execute(GENERATE, { variables: { week: WEEK, force: true }, claims: admin });

    expect(forced.data!.generateRoster.status).toBe('DRAFT');
    const after = await executor.execute(`{ officer(id: "dn-o-03-1") { shifts(week: "${WEEK}") { date } leave(week: "${WEEK}") { from } } }`, { claims: admin });
    expect(after.data!.officer.shifts.map((shift: any) => shift.date)).not.toContain(firstShift.date);
    expect(after.data!.officer.leave).toEqual([{ from: firstShift.date }]);
  });

  test('given a published week with unchanged inputs, when it is regenerated with force, then it is DRAFT again with the same shifts, and a retry changes nothing more', async () => {
    await executor.execute(`mutation { publishRoster(week: "${WEEK}") { status } }`, { claims: admin });
    const published = await executor.execute(ROSTER, { variables: { week: WEEK }, claims: admin });
    expect(published.data!.roster.status).toBe('PUBLISHED');

    const forced = await executor.execute(GENERATE, { variables: { week: WEEK, force: true }, claims: admin });
    const stored = await executor.execute(ROSTER, { variables: { week: WEEK }, claims: admin });

    expect(forced.errors).toBeUndefined();
    expect(forced.data!.generateRoster.status).toBe('DRAFT');
    expect(stored.data!.roster.status).toBe('DRAFT');
    expect(stored.data!.roster.shifts).toEqual(published.data!.roster.shifts);
    expect(await storedShiftRows(WEEK)).toHaveLength(published.data!.roster.shifts.length);
  });

  test('given 12 stations, when their shifts with officers and attendance are read, then it costs at most 5 DynamoDB requests', async () => {
    const result = await executor.execute(
      `{ stations(first: 100) { edges { node { id shifts(week: "${WEEK}") { id officers { name } attendance { checkedInAt } } } } } }`,
      { claims: admin },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data!.stations.edges.flatMap((edge: any) => edge.node.shifts).length).toBeGreaterThan(20);
    expect(result.commands.length).toBeLessThanOrEqual(5);
    expect(result.commands).not.toContain('ScanCommand');
  });

  test('given an officer token, when it generates or publishes a roster, then FORBIDDEN', async () => {
    const generate = await executor.execute(GENERATE, { variables: { week: '2026-W49' }, claims: officer });
    const publish = await executor.execute(`mutation { publishRoster(week: "2026-W49") { status } }`, { claims: officer });

    expect([generate.errors?.[0]?.extensions.code, publish.errors?.[0]?.extensions.code]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  test('given a week that does not exist, when a roster is generated, then BAD_USER_INPUT names week', async () => {
    const result = await executor.execute(GENERATE, { variables: { week: '2027-W53' }, claims: admin });

    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'week' }] });
  });
});
