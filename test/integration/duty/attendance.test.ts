import { claimsFor } from '../../support/graphql-handler';
import { movingClock } from '../../support/moving-clock';
import { seededExecutor, type CountingExecutor } from '../../support/seeded-executor';

const WEEK = '2026-W48';
const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const CHECK_IN = `mutation In($shiftId: ID!, $officerId: ID) {
  checkIn(shiftId: $shiftId, officerId: $officerId) { changed attendance { officer { id } checkedInAt checkedOutAt } shift { id attendance { officer { id } } } }
}`;
const CHECK_OUT = `mutation Out($shiftId: ID!, $officerId: ID) {
  checkOut(shiftId: $shiftId, officerId: $officerId) { changed attendance { checkedInAt checkedOutAt } }
}`;

let executor: CountingExecutor;
let stop: () => Promise<void>;
const clock = movingClock('2026-11-20T18:00:00+08:00');
let shift: { id: string; date: string; startsAt: string; officers: { id: string }[] };

beforeAll(async () => {
  ({ executor, stop } = await seededExecutor({ clock: clock.now }));
  const generated = await executor.execute(
    `mutation { generateRoster(week: "${WEEK}") { shifts { id date startsAt station { id } officers { id } } } }`,
    { claims: admin },
  );
  // A shift with two officers: an enforcement officer and the party member added to the team.
  shift = generated.data!.generateRoster.shifts.find((candidate: any) => candidate.officers.length === 2);
  clock.set(shift.startsAt);
});
afterAll(() => stop());

const own = () => claimsFor('dingnan', 'OFFICER', shift.officers[0]!.id);

describe('attendance', () => {
  test('given an officer on the shift, when they check in on its day with their own token, then it is recorded once and a repeat says nothing changed', async () => {
    const first = await executor.execute(CHECK_IN, { variables: { shiftId: shift.id }, claims: own() });
    clock.advanceMinutes(3);
    const repeat = await executor.execute(CHECK_IN, { variables: { shiftId: shift.id }, claims: own() });

    expect(first.errors).toBeUndefined();
    expect(first.data!.checkIn).toMatchObject({ changed: true, attendance: { officer: { id: shift.officers[0]!.id }, checkedInAt: shift.startsAt, checkedOutAt: null } });
    expect(repeat.data!.checkIn).toMatchObject({ changed: false, attendance: { checkedInAt: shift.startsAt } });
    expect(repeat.data!.checkIn.shift.attendance).toEqual([{ officer: { id: shift.officers[0]!.id } }]);
  });

  test('given a check-in, when the officer checks out twice, then the first records the time and the second changes nothing', async () => {
    clock.set(shift.startsAt);
    clock.advanceMinutes(150);

    const first = await executor.execute(CHECK_OUT, { variables: { shiftId: shift.id }, claims: own() });
    clock.advanceMinutes(10);
    const repeat = await executor.execute(CHECK_OUT, { variables: { shiftId: shift.id }, claims: own() });

    expect(first.data!.checkOut.changed).toBe(true);
    expect(Date.parse(first.data!.checkOut.attendance.checkedOutAt) - Date.parse(shift.startsAt)).toBe(150 * 60_000);
    expect(repeat.data!.checkOut).toEqual({ changed: false, attendance: first.data!.checkOut.attendance });
  });

  test('given no check-in, when a supervisor checks an officer out, then CONFLICT', async () => {
    const result = await executor.execute(CHECK_OUT, { variables: { shiftId: shift.id, officerId: shift.officers[1]!.id }, claims: supervisor });

    expect(result.errors?.[0]?.extensions.code).toBe('CONFLICT');
  });

  test('given a supervisor, when they check in an officer of the shift by id, then it is recorded for that officer', async () => {
    const officerId = shift.officers.at(-1)!.id;

    const result = await executor.execute(CHECK_IN, { variables: { shiftId: shift.id, officerId }, claims: supervisor });

    expect(result.data!.checkIn).toMatchObject({ changed: true, attendance: { officer: { id: officerId } } });
  });

  test('given the day after the shift, when an officer checks out, then BAD_USER_INPUT names shiftId and nothing is written', async () => {
    clock.set(shift.startsAt);
    clock.advanceMinutes(24 * 60);
    const anotherOfficer = claimsFor('dingnan', 'OFFICER', shift.officers.at(-1)!.id);

    const late = await executor.execute(CHECK_OUT, { variables: { shiftId: shift.id }, claims: anotherOfficer });

    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'shiftId' }] });
    const read = await executor.execute(`{ roster(week: "${WEEK}") { shifts { id attendance { officer { id } checkedOutAt } } } }`, { claims: admin });
    const stored = read.data!.roster.shifts.find((candidate: any) => candidate.id === shift.id);
    expect(stored.attendance.find((record: any) => record.officer.id === shift.officers.at(-1)!.id).checkedOutAt).toBeNull();
  });

  test('given an officer not on the shift, when they check in with their own token, then FORBIDDEN', async () => {
    clock.set(shift.startsAt);

    const result = await executor.execute(CHECK_IN, { variables: { shiftId: shift.id }, claims: claimsFor('dingnan', 'OFFICER', 'dn-o-09-5') });

    expect(result.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  test('given an officer token naming someone else, when it checks in, then FORBIDDEN', async () => {
    const result = await executor.execute(CHECK_IN, { variables: { shiftId: shift.id, officerId: shift.officers[0]!.id }, claims: claimsFor('dingnan', 'OFFICER', 'dn-o-09-5') });

    expect(result.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  test('given a shift id that is not on the roster, when checked into, then NOT_FOUND; a malformed id is BAD_USER_INPUT', async () => {
    const missing = await executor.execute(CHECK_IN, { variables: { shiftId: '2026-11-24.EARLY.nowhere', officerId: 'dn-o-01-1' }, claims: supervisor });
    const malformed = await executor.execute(CHECK_IN, { variables: { shiftId: 'not-a-shift' }, claims: supervisor });

    expect(missing.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'shiftId' }] });
  });
});
