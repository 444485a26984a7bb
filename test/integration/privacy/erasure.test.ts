import { runScheduledErasure } from '../../../functions/app/privacy/scheduled-erasure';
import { createServices, type Services } from '../../../functions/app/services';
import { claimsFor } from '../../support/graphql-handler';
import { createCountingExecutor } from '../../support/counting-executor';
import { CLOSE, INSIDE_DN_01_1, ISSUE, REOPEN, REPORT, RESOLVE, START } from '../../support/issue-operations';
import { movingClock } from '../../support/moving-clock';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const officer = claimsFor('dingnan', 'OFFICER', 'dn-o-01-1');
const clock = movingClock('2026-06-01T02:00:00Z');
const STATS = `query Stats { issueStats(from: "2026-06-01", to: "2026-06-01") {
  total registered resolved closed reopened residentReported residentResolved rated satisfactionRate medianMinutesToResolve overdue } }`;
const ERASE = `mutation Erase($issueId: ID!) { eraseReporterData(issueId: $issueId) { id status reporterContact photoUrls reporterDataErasedAt } }`;
const PRIVATE = `query Private($id: ID!) { issue(id: $id) { reporterContact photoUrls reporterDataErasedAt } }`;
const DAY = 24 * 60;

let store: TestStore;
let services: Services;
let api: Awaited<ReturnType<typeof createCountingExecutor>>;

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, 'dingnan');
  services = createServices(store, { clock: clock.now });
  api = await createCountingExecutor(store, { clock: clock.now });
}, 120_000);

afterAll(async () => {
  await api.stop();
  await store.drop();
});

async function ok(query: string, variables: Record<string, unknown>, claims: Record<string, string>) {
  const result = await api.execute(query, { variables, claims });
  expect(result.errors).toBeUndefined();
  return result;
}

/** A hotline report with a contact and photos of people, dispatched to dn-o-01-1 by its location. */
async function report(photosShowPeople = true): Promise<string> {
  const result = await ok(
    REPORT,
    {
      input: {
        category: 'ILLEGAL_PARKING',
        description: '车辆堵住消防通道',
        source: 'HOTLINE',
        location: INSIDE_DN_01_1,
        photoUrls: ['https://img.example/plate.jpg'],
        photosShowPeople,
        reporterContact: '+86 138 0000 0000',
      },
    },
    supervisor,
  );
  return result.data!.reportIssue.issue.id;
}

async function handleAndClose(id: string): Promise<void> {
  await ok(START, { id }, officer);
  clock.advanceMinutes(30);
  await ok(RESOLVE, { id, note: '已挪车' }, officer);
  await ok(CLOSE, { id, satisfaction: 'SATISFIED' }, supervisor);
}

const privateFields = async (id: string) => (await ok(PRIVATE, { id }, admin)).data!.issue;

describe('erasure after the retention period', () => {
  test('given an issue closed with a contact and photos of people, when the job runs before and after 180 days, then only the later run erases them and the KPIs stay', async () => {
    const id = await report();
    await handleAndClose(id);
    const before = (await ok(STATS, {}, supervisor)).data!.issueStats;

    clock.advanceMinutes(179 * DAY);
    expect(await runScheduledErasure(services, 'dingnan', 180, clock.now())).toMatchObject({ erased: 0 });
    expect(await privateFields(id)).toEqual({ reporterContact: '+86 138 0000 0000', photoUrls: ['https://img.example/plate.jpg'], reporterDataErasedAt: null });

    clock.advanceMinutes(2 * DAY);
    expect(await runScheduledErasure(services, 'dingnan', 180, clock.now())).toMatchObject({ erased: 1 });
    const erased = await privateFields(id);
    expect(erased).toMatchObject({ reporterContact: null, photoUrls: [] });
    expect(erased.reporterDataErasedAt).toMatch(/\+08:00$/);

    expect((await ok(STATS, {}, supervisor)).data!.issueStats).toEqual(before);
  });

  test('given the job ran, when it runs again, then it finds nothing left and the erasure time stays the first one', async () => {
    const id = await report();
    await handleAndClose(id);
    clock.advanceMinutes(181 * DAY);
    await runScheduledErasure(services, 'dingnan', 180, clock.now());
    const first = await privateFields(id);

    clock.advanceMinutes(DAY);
    expect(await runScheduledErasure(services, 'dingnan', 180, clock.now())).toMatchObject({ erased: 0 });
    expect(await privateFields(id)).toEqual(first);
  });

  test('given a district retention of 30 days, when the job runs 31 days after closing, then it erases', async () => {
    const id = await report();
    await handleAndClose(id);
    clock.advanceMinutes(31 * DAY);

    expect(await runScheduledErasure(services, 'dingnan', 30, clock.now())).toMatchObject({ erased: 1 });
    expect(await privateFields(id)).toMatchObject({ reporterContact: null });
  });

  test('given photos not marked as showing people, when the reporter data is erased, then the contact goes and the photos stay', async () => {
    const id = await report(false);
    await handleAndClose(id);
    clock.advanceMinutes(181 * DAY);

    await runScheduledErasure(services, 'dingnan', 180, clock.now());

    expect(await privateFields(id)).toMatchObject({ reporterContact: null, photoUrls: ['https://img.example/plate.jpg'] });
  });

  test('given a closed issue reopened for rework, when the job runs past its old close time, then it keeps the data of the open case', async () => {
    const id = await report();
    await handleAndClose(id);
    await ok(REOPEN, { id, note: '又停回来了' }, supervisor);
    clock.advanceMinutes(181 * DAY);

    expect(await runScheduledErasure(services, 'dingnan', 180, clock.now())).toMatchObject({ erased: 0 });
    expect(await privateFields(id)).toMatchObject({ reporterContact: '+86 138 0000 0000' });
  });

  test('given a due issue, when the job runs, then it reads the erasure index by key and never scans', async () => {
    const id = await report();
    await handleAndClose(id);
    clock.advanceMinutes(181 * DAY);
    const sent: string[] = [];
    store.doc.middlewareStack.add((next, context) => async (args) => (sent.push(context.commandName ?? ''), next(args)), { step: 'initialize', name: 'recordJobCommands' });

    await runScheduledErasure(services, 'dingnan', 180, clock.now());
    store.doc.middlewareStack.remove('recordJobCommands');

    expect(sent).not.toContain('ScanCommand');
    expect(sent[0]).toBe('QueryCommand');
  });
});

describe('eraseReporterData', () => {
  test('given an open issue, when an ADMIN erases its reporter data, then contact and photos of people are gone at once and the case is unchanged', async () => {
    const id = await report();

    const result = await ok(ERASE, { issueId: id }, admin);

    expect(result.data!.eraseReporterData).toMatchObject({ id, status: 'ASSIGNED', reporterContact: null, photoUrls: [] });
    expect((await ok(ISSUE, { id }, admin)).data!.issue).toMatchObject({ status: 'ASSIGNED', description: '车辆堵住消防通道', reporterContact: null });
  });

  test('given an erased issue, when it is erased again, then the answer is the same', async () => {
    const id = await report();
    const first = (await ok(ERASE, { issueId: id }, admin)).data!.eraseReporterData;
    clock.advanceMinutes(60);

    expect((await ok(ERASE, { issueId: id }, admin)).data!.eraseReporterData).toEqual(first);
  });

  test.each([
    ['SUPERVISOR', supervisor],
    ['OFFICER', officer],
  ])('given a %s token, when it erases reporter data, then FORBIDDEN and the data stays', async (_role, claims) => {
    const id = await report();

    const result = await api.execute(ERASE, { variables: { issueId: id }, claims });

    expect(result.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await privateFields(id)).toMatchObject({ reporterContact: '+86 138 0000 0000' });
  });

  test('given an unknown issue id, when an ADMIN erases, then NOT_FOUND', async () => {
    const result = await api.execute(ERASE, { variables: { issueId: 'no-such-issue' }, claims: admin });

    expect(result.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});
