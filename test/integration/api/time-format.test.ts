import { claimsFor } from '../../support/graphql-handler';
import { INSIDE_DN_01_1, REPORT } from '../../support/issue-operations';
import { movingClock } from '../../support/moving-clock';
import { seededExecutor, type CountingExecutor } from '../../support/seeded-executor';

const WEEK = '2026-W48';
const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
/** One format for every time the API answers: the district's offset (Dingnan: +08:00) and whole seconds. */
const ONE_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

let executor: CountingExecutor;
let stop: () => Promise<void>;
const clock = movingClock('2026-11-20T02:03:04.567Z');

beforeAll(async () => {
  ({ executor, stop } = await seededExecutor({ clock: clock.now }));
});
afterAll(() => stop());

/** Every string under `value` that looks like a time (has a `T` between a date and a clock time). */
function timesIn(value: unknown): string[] {
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}T\d{2}:/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(timesIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(timesIn);
  return [];
}

test('given a clock with milliseconds, when rosters, attendance, compliance reports and issues are written and read, then every time has the district offset and whole seconds', async () => {
  const generated = await executor.execute(`mutation { generateRoster(week: "${WEEK}") { generatedAt shifts { id date startsAt endsAt officers { id } } } }`, { claims: admin });
  const published = await executor.execute(`mutation { publishRoster(week: "${WEEK}") { generatedAt publishedAt } }`, { claims: admin });
  const shift = generated.data!.generateRoster.shifts[0];
  clock.set(shift.startsAt);
  clock.advanceMinutes(1.0123);
  const checkedIn = await executor.execute(`mutation { checkIn(shiftId: "${shift.id}") { attendance { checkedInAt } } }`, { claims: claimsFor('dingnan', 'OFFICER', shift.officers[0].id) });
  clock.advanceMinutes(130.456);
  const checkedOut = await executor.execute(`mutation { checkOut(shiftId: "${shift.id}", officerId: "${shift.officers[0].id}") { attendance { checkedInAt checkedOutAt } } }`, { claims: supervisor });
  const compliance = await executor.execute(`mutation { computeCompliance(week: "${WEEK}") { generatedAt stations { sessions { startsAt endsAt } } } }`, { claims: admin });
  const reported = await executor.execute(REPORT, { variables: { input: { category: 'OTHER', description: '路灯不亮', source: 'PATROL', location: INSIDE_DN_01_1 } }, claims: supervisor });
  const issue = await executor.execute(`{ issue(id: "${reported.data!.reportIssue.issue.id}") { reportedAt dispatchDueAt dueAt history { at } } }`, { claims: admin });

  const answers = [generated, published, checkedIn, checkedOut, compliance, issue];
  for (const answer of answers) expect(answer.errors).toBeUndefined();
  const times = timesIn(answers.map((answer) => answer.data));
  expect(times.length).toBeGreaterThan(10);
  expect(times.filter((time) => !ONE_FORMAT.test(time))).toEqual([]);
  expect(checkedOut.data!.checkOut.attendance.checkedInAt).toBe(checkedIn.data!.checkIn.attendance.checkedInAt);
});
