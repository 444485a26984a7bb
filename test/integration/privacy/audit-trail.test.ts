import { claimsFor } from '../../support/graphql-handler';
import { createCountingExecutor } from '../../support/counting-executor';
import { INSIDE_DN_01_1, REPORT } from '../../support/issue-operations';
import { movingClock } from '../../support/moving-clock';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const officer = claimsFor('dingnan', 'OFFICER', 'dn-o-01-1');
const clock = movingClock('2026-11-10T02:00:00Z');
const TRAIL = `query Trail($entityType: String!, $entityId: ID!, $first: Int, $after: String) {
  auditTrail(entityType: $entityType, entityId: $entityId, first: $first, after: $after) {
    edges { node { id entityType entityId action what who at requestId } } pageInfo { hasNextPage endCursor } } }`;
const PHONE = `query Phone($id: ID!) { officer(id: $id) { id phone } }`;
const PRIVATE = `query Private($id: ID!) { issue(id: $id) { id reporterContact photoUrls } }`;

let store: TestStore;
let api: Awaited<ReturnType<typeof createCountingExecutor>>;
let issueId: string;

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, 'dingnan');
  api = await createCountingExecutor(store, { clock: clock.now });
  const reported = await ok(
    REPORT,
    {
      input: {
        category: 'STRAY_STALL',
        description: '占道摆摊',
        source: 'HOTLINE',
        location: INSIDE_DN_01_1,
        photoUrls: ['https://img.example/stall.jpg'],
        photosShowPeople: true,
        reporterContact: 'resident@example.com',
      },
    },
    supervisor,
  );
  issueId = reported.data!.reportIssue.issue.id;
}, 120_000);

afterAll(async () => {
  await api.stop();
  await store.drop();
});

async function ok(query: string, variables: Record<string, unknown>, claims: Record<string, string>) {
  clock.advanceMinutes(1);
  const result = await api.execute(query, { variables, claims });
  expect(result.errors).toBeUndefined();
  return result;
}

const trail = async (entityType: string, entityId: string) =>
  (await ok(TRAIL, { entityType, entityId, first: 100 }, admin)).data!.auditTrail.edges.map((edge: any) => edge.node);

describe('audit records', () => {
  test('given a SUPERVISOR reporting with a contact and photos of people, when the issue trail is read, then the answer left two READs in one request', async () => {
    const records = await trail('Issue', issueId);

    expect(records.map((record: any) => record.what).sort()).toEqual(['PHOTOS_OF_PEOPLE', 'REPORTER_CONTACT']);
    for (const record of records) expect(record).toMatchObject({ entityType: 'Issue', entityId: issueId, action: 'READ', who: 'supervisor-dingnan', at: expect.stringMatching(/\+08:00$/) });
    expect(new Set(records.map((record: any) => record.requestId)).size).toBe(1);
    expect(records[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('given an officer reading a case whose photos show people, when the trail is read, then nothing was revealed and nothing is recorded', async () => {
    const before = await trail('Issue', issueId);
    const answer = await ok(PRIVATE, { id: issueId }, officer);

    expect(answer.data!.issue).toMatchObject({ reporterContact: null, photoUrls: [] });
    expect(await trail('Issue', issueId)).toEqual(before);
  });

  test('given an officer reading their own phone and an ADMIN another\'s, when the officers\' trails are read, then each read is recorded with who read it', async () => {
    await ok(PHONE, { id: 'dn-o-01-1' }, officer);
    await ok(PHONE, { id: 'dn-o-01-2' }, admin);

    expect(await trail('Officer', 'dn-o-01-1')).toEqual([expect.objectContaining({ action: 'READ', what: 'OFFICER_PHONE', who: 'officer-dingnan' })]);
    expect(await trail('Officer', 'dn-o-01-2')).toEqual([expect.objectContaining({ action: 'READ', what: 'OFFICER_PHONE', who: 'admin-dingnan' })]);
  });

  test('given an ADMIN write and a SUPERVISOR write, when the trails are read, then only the ADMIN write is recorded, under the entity it wrote', async () => {
    await ok(`mutation U($input: UpdateStationInput!) { updateStation(input: $input) { id } }`, { input: { id: 'dn-s-02', name: '二号站' } }, admin);
    await ok(`mutation E($issueId: ID!) { eraseReporterData(issueId: $issueId) { id } }`, { issueId }, admin);
    await ok(`mutation C($id: ID!) { confirmIssue(id: $id) { id } }`, { id: issueId }, supervisor);

    expect(await trail('Station', 'dn-s-02')).toEqual([expect.objectContaining({ action: 'WRITE', what: 'updateStation', who: 'admin-dingnan' })]);
    const issueWrites = (await trail('Issue', issueId)).filter((record: any) => record.action === 'WRITE');
    expect(issueWrites).toEqual([expect.objectContaining({ what: 'eraseReporterData', who: 'admin-dingnan' })]);
  });

  test('given a refused ADMIN write, when the trail is read, then nothing was written and nothing is recorded', async () => {
    const result = await api.execute(`mutation U($input: UpdateStationInput!) { updateStation(input: $input) { id } }`, {
      variables: { input: { id: 'dn-s-03', expectedVersion: 99, name: '三号站' } },
      claims: admin,
    });

    expect(result.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await trail('Station', 'dn-s-03')).toEqual([]);
  });
});

describe('auditTrail', () => {
  test('given several records, when read a page at a time, then they come newest first and the pager continues where it stopped', async () => {
    for (let n = 0; n < 3; n += 1) await ok(PHONE, { id: 'dn-o-01-3' }, admin);
    const first = (await ok(TRAIL, { entityType: 'Officer', entityId: 'dn-o-01-3', first: 2 }, admin)).data!.auditTrail;
    const rest = (await ok(TRAIL, { entityType: 'Officer', entityId: 'dn-o-01-3', first: 2, after: first.pageInfo.endCursor }, admin)).data!.auditTrail;

    const times = [...first.edges, ...rest.edges].map((edge: any) => edge.node.at);
    expect(times).toHaveLength(3);
    expect([...times].sort().reverse()).toEqual(times);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  test.each([
    ['SUPERVISOR', supervisor],
    ['OFFICER', officer],
  ])('given a %s token, when it reads the audit trail, then FORBIDDEN', async (_role, claims) => {
    const result = await api.execute(TRAIL, { variables: { entityType: 'Issue', entityId: issueId }, claims });

    expect(result.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  test('given a malformed entity type, when the trail is read, then BAD_USER_INPUT names entityType', async () => {
    const result = await api.execute(TRAIL, { variables: { entityType: 'issue#1', entityId: issueId }, claims: admin });

    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'entityType' }] });
  });
});
