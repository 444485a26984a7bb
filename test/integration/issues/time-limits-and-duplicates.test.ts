import { claimsFor } from '../../support/graphql-handler';
import { createCountingExecutor } from '../../support/counting-executor';
import { INSIDE_DN_01_1, REPORT } from '../../support/issue-operations';
import { movingClock } from '../../support/moving-clock';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const clock = movingClock('2026-11-16T01:00:00Z');
const metresNorth = (metres: number) => ({ lat: INSIDE_DN_01_1.lat + metres / 111_195, lng: INSIDE_DN_01_1.lng });

let store: TestStore;
let api: Awaited<ReturnType<typeof createCountingExecutor>>;
let serviceCode: string;

beforeAll(async () => {
  store = await createTestStore();
  serviceCode = (await seed(store, 'dingnan')).stations[0]!.serviceCode;
  api = await createCountingExecutor(store, { clock: clock.now });
});
afterAll(async () => {
  await api.stop();
  await store.drop();
});

/** `claims` null: an anonymous resident. */
async function report(input: Record<string, unknown>, claims: Record<string, string> | null = supervisor) {
  const result = await api.execute(REPORT, {
    variables: { input: { category: 'ILLEGAL_DUMPING', description: '倾倒垃圾', source: 'WALK_IN', location: INSIDE_DN_01_1, ...input } },
    ...(claims ? { claims } : {}),
  });
  return result;
}

describe('time limits', () => {
  test('given a category limit in the policy, when issues are reported, then dueAt follows the category and priority, else the defaults', async () => {
    const policy = await api.execute(
      `mutation { updateIssuePolicy(input: { timeLimits: [
        { category: OPEN_BURNING, priority: URGENT, dispatchMinutes: 15, resolveMinutes: 120 },
        { priority: NORMAL, dispatchMinutes: 720, resolveMinutes: 2880 } ] }) { version timeLimits { category priority resolveMinutes } } }`,
      { claims: admin },
    );
    const burning = await report({ category: 'OPEN_BURNING', priority: 'URGENT' });
    const normal = await report({ category: 'OPEN_BURNING' });
    const urgentOther = await report({ priority: 'URGENT' });

    expect(policy.data!.updateIssuePolicy.version).toBe(1);
    const limits = [burning, normal, urgentOther].map((result) => {
      const issue = result.data!.reportIssue.issue;
      return [Date.parse(issue.dispatchDueAt) - Date.parse(issue.reportedAt), Date.parse(issue.dueAt) - Date.parse(issue.reportedAt)].map((ms) => ms / 60_000);
    });
    expect(limits).toEqual([
      [15, 120],
      [720, 2880],
      [60, 1440],
    ]);
    expect(burning.data!.reportIssue.issue.dueAt).toBe('2026-11-16T11:00:00+08:00');
  });

  test('given an open issue, when its due time passes, then overdue turns true at read time and the overdue filter finds it', async () => {
    const { id } = (await report({ category: 'STRAY_STALL', priority: 'URGENT', location: metresNorth(2000) })).data!.reportIssue.issue;
    const read = async () => (await api.execute(`query { issue(id: "${id}") { overdue } issues(filter: { overdue: true }, first: 100) { edges { node { id } } } }`, { claims: supervisor })).data!;

    const before = await read();
    clock.advanceMinutes(24 * 60 + 1);
    const after = await read();

    expect(before.issue.overdue).toBe(false);
    expect(before.issues.edges.map((edge: any) => edge.node.id)).not.toContain(id);
    expect(after.issue.overdue).toBe(true);
    expect(after.issues.edges.map((edge: any) => edge.node.id)).toContain(id);
  });

  test('given invalid policy values, when the policy is updated, then BAD_USER_INPUT names them and the policy is unchanged', async () => {
    const result = await api.execute(
      `mutation { updateIssuePolicy(input: { duplicateRadiusMeters: 0, timeLimits: [{ priority: URGENT, dispatchMinutes: 90, resolveMinutes: 60 }] }) { version } }`,
      { claims: admin },
    );
    const policy = await api.execute(`{ district { issuePolicy { version duplicateRadiusMeters } } }`, { claims: admin });

    expect(result.errors![0]!.extensions.fields!.map((field) => field.path).sort()).toEqual(['input.duplicateRadiusMeters', 'input.timeLimits.0.dispatchMinutes']);
    expect(policy.data!.district.issuePolicy).toEqual({ version: 1, duplicateRadiusMeters: 50 });
  });
});

describe('duplicates and "me too"', () => {
  test('given an open issue 30 m away of the same category, when another is reported, then it is offered as a possible duplicate; farther or other categories are not', async () => {
    clock.set('2026-11-18T02:00:00Z');
    const first = (await report({ category: 'MESSY_WIRING', location: metresNorth(-3000) })).data!.reportIssue.issue;
    const otherCategory = (await report({ category: 'ILLEGAL_PARKING', location: metresNorth(-3000) })).data!.reportIssue.issue;
    const farAway = (await report({ category: 'MESSY_WIRING', location: metresNorth(-2900) })).data!.reportIssue.issue;

    const second = await report({ category: 'MESSY_WIRING', location: metresNorth(-2970) });

    const offered = second.data!.reportIssue.possibleDuplicates.map((issue: any) => issue.id);
    expect(offered).toContain(first.id);
    expect(offered).not.toContain(otherCategory.id);
    expect(offered).not.toContain(farAway.id);
  });

  test('given an open issue reported 8 days ago, when a duplicate is reported, then it is no longer offered', async () => {
    clock.set('2026-11-01T02:00:00Z');
    const old = (await report({ category: 'UNCIVIL_DOG_KEEPING', location: metresNorth(-5000) })).data!.reportIssue.issue;
    clock.set('2026-11-09T03:00:00Z');

    const fresh = await report({ category: 'UNCIVIL_DOG_KEEPING', location: metresNorth(-5000) });

    expect(fresh.data!.reportIssue.possibleDuplicates.map((issue: any) => issue.id)).not.toContain(old.id);
  });

  test('given a resident with the same problem, when they confirm through a service code, then the counter rises and they see no one else’s details', async () => {
    const issue = (await report({ category: 'GREENERY_DESTROYED', location: metresNorth(-7000), reporterContact: '13900000000' })).data!.reportIssue.issue;

    const anonymous = await api.execute(`mutation { confirmIssue(id: "${issue.id}", serviceCode: "${serviceCode}") { confirmations description reporterContact history { action } } }`);
    const staff = await api.execute(`mutation { confirmIssue(id: "${issue.id}") { confirmations version } }`, { claims: supervisor });

    expect(anonymous.data!.confirmIssue).toEqual({ confirmations: 1, description: null, reporterContact: null, history: [] });
    expect(staff.data!.confirmIssue).toEqual({ confirmations: 2, version: 1 });
  });

  test('given a resident, when the possible duplicates of their report come back, then other reports show no description or history', async () => {
    clock.set('2026-11-20T02:00:00Z');
    await report({ category: 'ROAD_OCCUPYING_BUSINESS', location: metresNorth(-9000), description: '私人信息' });

    const anonymous = await report({ category: 'ROAD_OCCUPYING_BUSINESS', location: metresNorth(-9000), source: null, serviceCode }, null);

    const [duplicate] = anonymous.data!.reportIssue.possibleDuplicates;
    expect(duplicate).toMatchObject({ description: null, history: [] });
    expect(anonymous.data!.reportIssue.issue.description).toBe('倾倒垃圾');
  });
});

describe('what an anonymous caller sees of another resident\'s report', () => {
  const EVERY_FIELD = `id title description category source priority status location { lat lng } address photoUrls reporterContact
    grid { id } station { id } assignee { id } routingNote reportedAt dispatchDueAt dueAt overdue resolvedAt closedAt resolvedOnSite
    transferredTo duplicateOf { id } confirmations reopenCount satisfaction history { action } version`;

  test('given another report with a personal title, when a resident confirms it or is offered it as a duplicate, then every field shows only the public projection', async () => {
    clock.set('2026-11-21T02:00:00Z');
    const staffReport = await report({
      category: 'STRAY_STALL',
      location: metresNorth(-11000),
      title: '王五 13800000000 家门口',
      description: '王五家门口有流动摊贩',
      address: '幸福路 8 号',
      reporterContact: '13800000000',
      photoUrls: ['https://photos.example.cn/a.jpg'],
      photosShowPeople: false,
    });
    const id = staffReport.data!.reportIssue.issue.id;

    const confirmed = await api.execute(`mutation { confirmIssue(id: "${id}", serviceCode: "${serviceCode}") { ${EVERY_FIELD} } }`);
    const offered = await api.execute(`mutation R($input: ReportIssueInput!) { reportIssue(input: $input) { possibleDuplicates { ${EVERY_FIELD} } } }`, {
      variables: { input: { category: 'STRAY_STALL', description: '又有摊贩', location: metresNorth(-11000), serviceCode } },
    });

    const expected = {
      id,
      title: '流动摊贩',
      description: null,
      category: 'STRAY_STALL',
      status: 'REPORTED',
      location: null,
      address: null,
      photoUrls: [],
      reporterContact: null,
      grid: null,
      station: null,
      assignee: null,
      routingNote: null,
      transferredTo: null,
      duplicateOf: null,
      satisfaction: null,
      history: [],
    };
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmIssue).toMatchObject(expected);
    expect(offered.errors).toBeUndefined();
    expect(offered.data!.reportIssue.possibleDuplicates).toEqual([expect.objectContaining(expected)]);
    expect(JSON.stringify([confirmed.data, offered.data])).not.toMatch(/王五|13800000000|幸福路|photos\.example/);
  });
});

describe('public report flood', () => {
  test('given the per-code limit, when a service code floods reports within a minute, then the excess is RATE_LIMITED and not stored', async () => {
    await api.execute(`mutation { updateIssuePolicy(input: { publicReportsPerCodePerMinute: 3 }) { version } }`, { claims: admin });
    clock.set('2026-11-21T04:00:05Z');
    const countToday = async () =>
      (await api.execute(`{ issues(filter: { reportedFrom: "2026-11-21T04:00:00Z" }, first: 100) { edges { node { id } } } }`, { claims: admin })).data!.issues.edges.length;

    const results = [];
    for (let n = 0; n < 5; n += 1) results.push(await report({ category: 'OTHER', location: null, source: null, serviceCode }, null));
    clock.advanceMinutes(1);
    const nextMinute = await report({ category: 'OTHER', location: null, source: null, serviceCode }, null);

    expect(results.map((result) => result.errors?.[0]?.extensions.code ?? 'OK')).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED', 'RATE_LIMITED']);
    expect(results[3]!.errors![0]!.extensions.retryAfterSeconds).toBe(55);
    expect(nextMinute.errors).toBeUndefined();
    expect(await countToday()).toBe(4);
  });

  test('given the per-address limit, when one client reports through several codes within a minute, then the excess is RATE_LIMITED and not stored', async () => {
    await api.execute(`mutation { updateIssuePolicy(input: { publicCallsPerAddressPerMinute: 2, publicReportsPerCodePerMinute: 100 }) { version } }`, { claims: admin });
    clock.set('2026-11-21T05:00:05Z');
    const codes = (await seed(store, 'dingnan')).stations.map((station) => station.serviceCode);

    const outcomes = [];
    for (const code of codes.slice(0, 4)) {
      const result = await api.execute(REPORT, {
        variables: { input: { category: 'OTHER', description: '同一地址', serviceCode: code } },
        clientAddress: '203.0.113.7',
      });
      outcomes.push(result.errors?.[0]?.extensions.code ?? 'OK');
    }
    const otherClient = await api.execute(REPORT, { variables: { input: { category: 'OTHER', description: '另一地址', serviceCode: codes[5] } }, clientAddress: '203.0.113.8' });

    expect(outcomes).toEqual(['OK', 'OK', 'RATE_LIMITED', 'RATE_LIMITED']);
    expect(otherClient.errors).toBeUndefined();
    const stored = await api.execute(`{ issues(filter: { reportedFrom: "2026-11-21T05:00:00Z" }, first: 100) { edges { node { description } } } }`, { claims: admin });
    expect(stored.data!.issues.edges.map((edge: any) => edge.node.description).sort()).toEqual(['另一地址', '同一地址', '同一地址']);
  });
});
