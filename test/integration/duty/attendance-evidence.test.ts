import gcoord from 'gcoord';
import { claimsFor } from '../../support/graphql-handler';
import { movingClock } from '../../support/moving-clock';
import { seededExecutor, type CountingExecutor } from '../../support/seeded-executor';

const WEEK = '2026-W48';
const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const CHECK_IN = `mutation In($shiftId: ID!, $officerId: ID, $location: GeoPointInput) {
  checkIn(shiftId: $shiftId, officerId: $officerId, location: $location) { changed attendance { checkedInAt lateMinutes recordedOnBehalf distanceMeters } }
}`;
const ATTENDANCE = `query { roster(week: "${WEEK}") { shifts { id attendance { officer { id } } } } }`;

interface Shift {
  id: string;
  startsAt: string;
  endsAt: string;
  station: { id: string; location: { lat: number; lng: number } };
  officers: { id: string }[];
}

let executor: CountingExecutor;
let stop: () => Promise<void>;
const clock = movingClock('2026-11-20T18:00:00+08:00');
let shifts: Shift[];

beforeAll(async () => {
  ({ executor, stop } = await seededExecutor({ clock: clock.now }));
  const generated = await executor.execute(
    `mutation { generateRoster(week: "${WEEK}") { shifts { id startsAt endsAt station { id location { lat lng } } officers { id } } } }`,
    { claims: admin },
  );
  shifts = generated.data!.generateRoster.shifts;
}, 60_000);
afterAll(() => stop());

const at = (shift: Shift, minutesFromStart: number) => clock.set(new Date(Date.parse(shift.startsAt) + minutesFromStart * 60_000).toISOString());
const own = (shift: Shift) => claimsFor('dingnan', 'OFFICER', shift.officers[0]!.id);
const attendees = async (shift: Shift) => {
  const read = await executor.execute(ATTENDANCE, { claims: admin });
  return read.data!.roster.shifts.find((candidate: { id: string }) => candidate.id === shift.id).attendance;
};

describe('attendance is personal, in time and in place', () => {
  test('given a day shift, when its officer checks in at 23:07 that night, then BAD_USER_INPUT on shiftId says check-in is closed and nothing is written', async () => {
    const shift = shifts[0]!;
    clock.set(`${shift.startsAt.slice(0, 10)}T23:07:00+08:00`);

    const result = await executor.execute(CHECK_IN, { variables: { shiftId: shift.id }, claims: own(shift) });

    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'shiftId', message: expect.stringContaining('check-in is closed') }] });
    expect(await attendees(shift)).toEqual([]);
  });

  test('given a shift, when its officer checks in 45 minutes before the start, then refused with the opening time; 20 minutes before is on time', async () => {
    const shift = shifts[1]!;
    at(shift, -45);
    const early = await executor.execute(CHECK_IN, { variables: { shiftId: shift.id }, claims: own(shift) });
    at(shift, -20);
    const onTime = await executor.execute(CHECK_IN, { variables: { shiftId: shift.id }, claims: own(shift) });

    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'shiftId', message: expect.stringMatching(/^check-in opens at .*, 30 minutes before the shift starts$/) }] });
    expect(onTime.data!.checkIn.attendance).toMatchObject({ lateMinutes: 0, recordedOnBehalf: false });
  });

  test('given a shift, when its officer checks in 17 and a half minutes after the start, then the check-in is recorded as 17 minutes late', async () => {
    const shift = shifts[2]!;
    at(shift, 17.5);

    const result = await executor.execute(CHECK_IN, { variables: { shiftId: shift.id }, claims: own(shift) });

    expect(result.data!.checkIn.attendance.lateMinutes).toBe(17);
  });

  test('given a supervisor, when they check an officer in, then the record is marked as made on the officer’s behalf', async () => {
    const shift = shifts[3]!;
    at(shift, 0);

    const result = await executor.execute(CHECK_IN, { variables: { shiftId: shift.id, officerId: shift.officers[0]!.id }, claims: supervisor });

    expect(result.data!.checkIn.attendance).toMatchObject({ recordedOnBehalf: true, lateMinutes: 0 });
  });

  describe('given located check-in within 200 m', () => {
    beforeAll(async () => {
      const updated = await executor.execute(`mutation { updateDutyPolicy(input: { checkInRadiusMeters: 200 }) { checkInRadiusMeters checkInOpensMinutesBefore } }`, { claims: admin });
      expect(updated.data!.updateDutyPolicy).toEqual({ checkInRadiusMeters: 200, checkInOpensMinutesBefore: 30 });
    });

    test('when an officer checks in without a location, then BAD_USER_INPUT on location names the radius', async () => {
      const shift = shifts[4]!;
      at(shift, 0);

      const result = await executor.execute(CHECK_IN, { variables: { shiftId: shift.id }, claims: own(shift) });

      expect(result.errors?.[0]?.extensions).toMatchObject({ fields: [{ path: 'location', message: 'is required: this district checks in within 200 m of the station' }] });
    });

    test('when an officer checks in from about 2 km away, then refused with the distance in the message and nothing is written', async () => {
      const shift = shifts[4]!;
      at(shift, 0);
      const { lat, lng } = shift.station.location;

      const result = await executor.execute(CHECK_IN, { variables: { shiftId: shift.id, location: { lat: lat + 0.018, lng } }, claims: own(shift) });

      const message = String((result.errors?.[0]?.extensions as { fields: { message: string }[] }).fields[0]!.message);
      expect(message).toMatch(/^is (\d+) m from the station; check-in is allowed within 200 m$/);
      expect(Number(/^is (\d+)/.exec(message)![1])).toBeGreaterThan(1900);
      expect(await attendees(shift)).toEqual([]);
    });

    test('when an officer checks in at the station with a WeChat (GCJ-02) point, then accepted with the distance in WGS-84 recorded', async () => {
      const shift = shifts[4]!;
      at(shift, 0);
      const { lat, lng } = shift.station.location;
      const [gcjLng, gcjLat] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];

      const result = await executor.execute(CHECK_IN, { variables: { shiftId: shift.id, location: { lat: gcjLat, lng: gcjLng, coordinateSystem: 'GCJ02' } }, claims: own(shift) });

      expect(result.errors).toBeUndefined();
      expect(result.data!.checkIn.attendance.distanceMeters).toBeLessThan(5);
    });

    test('when the policy is set to 0, then located check-in is off again', async () => {
      const updated = await executor.execute(`mutation { updateDutyPolicy(input: { checkInRadiusMeters: 0 }) { checkInRadiusMeters } }`, { claims: admin });

      expect(updated.data!.updateDutyPolicy.checkInRadiusMeters).toBeNull();
    });
  });
});
