import { PutCommand } from '@aws-sdk/lib-dynamodb';
import gcoord from 'gcoord';
import { metresBetween } from '../../../functions/domain/issues/routing';
import { entityKey, uniqueClaimKey } from '../../../functions/store/keys';
import { callGraphql, claimsFor, codesOf, loadHandler } from '../../support/graphql-handler';
import { INSIDE_DN_01_1, ISSUE, OUTSIDE_EVERY_GRID, REPORT } from '../../support/issue-operations';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const patrolOfficer = claimsFor('dingnan', 'OFFICER', 'dn-o-01-2');

let store: TestStore;
let handler: Awaited<ReturnType<typeof loadHandler>>;
let codeOfStation3: string;

beforeAll(async () => {
  store = await createTestStore();
  const file = await seed(store, 'dingnan');
  codeOfStation3 = file.stations.find((station) => station.id === 'dn-s-03')!.serviceCode;
  handler = await loadHandler(store);
});
afterAll(() => store.drop());

const countIssues = async () =>
  (await callGraphql(handler, `{ issues(first: 100) { edges { node { id } } } }`, { claims: admin })).data!.issues.edges.length as number;

describe('reporting and routing', () => {
  test('given a located patrol report, when it is recorded, then it lands in the containing grid, its station, and is dispatched to the grid leader', async () => {
    const response = await callGraphql(handler, REPORT, {
      variables: { input: { category: 'ILLEGAL_DUMPING', description: '巷口有建筑垃圾', location: INSIDE_DN_01_1, source: 'PATROL', priority: 'URGENT' } },
      claims: patrolOfficer,
    });

    expect(response.errors).toBeUndefined();
    const issue = response.data!.reportIssue.issue;
    expect(issue).toMatchObject({ status: 'ASSIGNED', grid: { id: 'dn-g-01-1' }, station: { id: 'dn-s-01' }, assignee: { id: 'dn-o-01-1' }, routingNote: null, version: 1 });
    expect(issue.history.map((event: any) => [event.action, event.fromStatus, event.toStatus, event.actor])).toEqual([
      ['REPORT', null, 'REPORTED', 'officer-dingnan'],
      ['ASSIGN', 'REPORTED', 'ASSIGNED', 'routing'],
    ]);
    expect(issue.reportedAt).toMatch(/\+08:00$/);
    expect(Date.parse(issue.dispatchDueAt) - Date.parse(issue.reportedAt)).toBe(60 * 60_000);
    expect(Date.parse(issue.dueAt) - Date.parse(issue.reportedAt)).toBe(24 * 60 * 60_000);
    expect(issue.overdue).toBe(false);
  });

  test('given a WeChat report whose GCJ-02 point lies in grid DN-01-1 once converted (its raw numbers, as WGS-84, in no grid), when recorded, then it routes to that grid and answers the WGS-84 point', async () => {
    const [lng, lat] = gcoord.transform([INSIDE_DN_01_1.lng, INSIDE_DN_01_1.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const report = (location: Record<string, unknown>) =>
      callGraphql(handler, REPORT, { variables: { input: { category: 'ILLEGAL_PARKING', description: '消防通道停车', location, source: 'PATROL' } }, claims: patrolOfficer });

    const taken = await report({ lat, lng, coordinateSystem: 'GCJ02' });
    const raw = await report({ lat, lng });

    expect(taken.errors).toBeUndefined();
    const issue = taken.data!.reportIssue.issue;
    expect(issue).toMatchObject({ status: 'ASSIGNED', grid: { id: 'dn-g-01-1' }, station: { id: 'dn-s-01' }, assignee: { id: 'dn-o-01-1' }, routingNote: null });
    expect(metresBetween(issue.location, INSIDE_DN_01_1)).toBeLessThan(1);
    expect(raw.data!.reportIssue.issue).toMatchObject({ grid: null, routingNote: 'outside every grid: not routed, waiting for dispatch' });
    expect(raw.data!.reportIssue.issue.location).toEqual({ lat, lng });
  });

  test('given a report outside every grid, when it is recorded, then it stays REPORTED, unassigned, and says so', async () => {
    const response = await callGraphql(handler, REPORT, {
      variables: { input: { category: 'OPEN_BURNING', description: '田里焚烧秸秆', location: OUTSIDE_EVERY_GRID, source: 'HOTLINE' } },
      claims: supervisor,
    });

    expect(response.data!.reportIssue.issue).toMatchObject({ status: 'REPORTED', grid: null, station: null, assignee: null, routingNote: 'outside every grid: not routed, waiting for dispatch' });
    const issue = response.data!.reportIssue.issue;
    expect(Date.parse(issue.dueAt) - Date.parse(issue.reportedAt)).toBe(72 * 60 * 60_000);
  });

  test('given a resident with no token and a service code, when they report without a location, then it goes to the code’s station and they see only their own report', async () => {
    const response = await callGraphql(handler, REPORT, {
      variables: { input: { category: 'GARBAGE_NOT_COLLECTED', description: '垃圾两天没清运', serviceCode: codeOfStation3, reporterContact: '13800000000' } },
    });

    expect(response.errors).toBeUndefined();
    expect(response.data!.reportIssue.issue).toMatchObject({
      source: 'SERVICE_CODE',
      status: 'REPORTED',
      description: '垃圾两天没清运',
      photoUrls: [],
      reporterContact: null,
      station: null,
      history: [],
      routingNote: 'no location: sent to the station of its service code, waiting for dispatch',
    });
    const asSupervisor = await callGraphql(handler, ISSUE, { variables: { id: response.data!.reportIssue.issue.id }, claims: supervisor });
    expect(asSupervisor.data!.issue).toMatchObject({ station: { id: 'dn-s-03' }, reporterContact: '13800000000', photoUrls: [] });
  });

  test('given a patrol that solved the problem on the spot, when it is recorded, then the issue is RESOLVED at once with two events', async () => {
    const response = await callGraphql(handler, REPORT, {
      variables: { input: { category: 'FLYERS_AND_ADS', description: '清理小广告', location: INSIDE_DN_01_1, source: 'PATROL', resolvedOnSite: true } },
      claims: patrolOfficer,
    });

    expect(response.data!.reportIssue.issue).toMatchObject({ status: 'RESOLVED', resolvedOnSite: true, assignee: { id: 'dn-o-01-2' } });
    expect(response.data!.reportIssue.issue.history.map((event: any) => event.action)).toEqual(['REPORT', 'RESOLVE']);
    expect(response.data!.reportIssue.issue.resolvedAt).not.toBeNull();
  });

  test.each([
    ['an unknown category', { category: 'ALIENS' }, null, 'BAD_USER_INPUT'],
    ['a latitude out of range', { location: { lat: 91, lng: 115 } }, 'input.location.lat', 'BAD_USER_INPUT'],
    ['an empty description', { description: '  ' }, 'input.description', 'BAD_USER_INPUT'],
    ['a description over 2 000 characters', { description: '长'.repeat(2001) }, 'input.description', 'BAD_USER_INPUT'],
    ['ten photos', { photoUrls: Array.from({ length: 10 }, (_, n) => `https://img.example/${n}.jpg`) }, 'input.photoUrls', 'BAD_USER_INPUT'],
    ['a non-https photo', { photoUrls: ['http://img.example/1.jpg'] }, 'input.photoUrls.0', 'BAD_USER_INPUT'],
    ['a note over 1 000 characters', { note: 'x'.repeat(1001) }, 'input.note', 'BAD_USER_INPUT'],
    ['an unknown service code', { serviceCode: 'dingnan-NOSUCH' }, 'input.serviceCode', 'BAD_USER_INPUT'],
    ['on-the-spot resolution of a hotline call', { source: 'HOTLINE', resolvedOnSite: true }, 'input.resolvedOnSite', 'BAD_USER_INPUT'],
    ['no source with a staff token', { source: null }, 'input.source', 'BAD_USER_INPUT'],
  ])('given %s, when an issue is reported, then it is refused naming the field and nothing is stored', async (_label, change, path, code) => {
    const before = await countIssues();

    const response = await callGraphql(handler, REPORT, {
      variables: { input: { category: 'ILLEGAL_PARKING', description: '车辆堵住消防通道', source: 'PATROL', location: INSIDE_DN_01_1, ...change } },
      claims: patrolOfficer,
    });

    expect(codesOf(response)).toEqual([code]);
    if (path) expect(response.errors![0]!.extensions.fields!.map((field) => field.path)).toContain(path);
    expect(await countIssues()).toBe(before);
  });

  test('given no token, when a resident reports without a service code or as a patrol, then BAD_USER_INPUT and nothing is stored', async () => {
    const before = await countIssues();

    const noCode = await callGraphql(handler, REPORT, { variables: { input: { category: 'OTHER', description: 'x' } } });
    const asPatrol = await callGraphql(handler, REPORT, { variables: { input: { category: 'OTHER', description: 'x', serviceCode: codeOfStation3, source: 'PATROL' } } });

    expect(noCode.errors![0]!.extensions.fields).toEqual([{ path: 'input.serviceCode', message: 'is required to report without a token' }]);
    expect(asPatrol.errors![0]!.extensions.fields![0]!.path).toBe('input.source');
    expect(await countIssues()).toBe(before);
  });

  test('given a deactivated station, when a resident reports through its code, then BAD_USER_INPUT names the code', async () => {
    await callGraphql(handler, `mutation { deactivateStation(id: "dn-s-12") { id } }`, { claims: admin });
    const station = await callGraphql(handler, `{ station(id: "dn-s-12") { serviceCode } }`, { claims: admin });

    const response = await callGraphql(handler, REPORT, { variables: { input: { category: 'OTHER', description: 'x', serviceCode: station.data!.station.serviceCode } } });

    expect(response.errors![0]!.extensions.fields![0]!.path).toBe('input.serviceCode');
  });

  test('given codes unknown in every way, when a resident reports or confirms through them, then each answer is the same and names no district', async () => {
    // A station and its code claim in a district whose district item is missing (a half-synced district).
    await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...uniqueClaimKey('ghost', 'SERVICE_CODE', 'ghost-ABCD1234'), stationId: 'gh-s-1' } }));
    await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...entityKey('ghost', 'STATION', 'gh-s-1'), type: 'STATION', districtId: 'ghost', id: 'gh-s-1', name: '幽灵站', kind: 'SERVICE_POST', amenities: [], serviceCode: 'ghost-ABCD1234', active: true, version: 1 } }));
    const codes = ['guiding-ABCDEF', 'dingnan-NOSUCH', 'nowhere-ZZZZ', 'ghost-ABCD1234'];
    const anyIssue = (await callGraphql(handler, `{ issues(first: 1) { edges { node { id } } } }`, { claims: admin })).data!.issues.edges[0].node.id;

    const reports = await Promise.all(codes.map((serviceCode) => callGraphql(handler, REPORT, { variables: { input: { category: 'OTHER', description: 'x', serviceCode } } })));
    const confirms = await Promise.all(
      codes.slice(0, 3).map((serviceCode) => callGraphql(handler, `mutation C($id: ID!, $code: String!) { confirmIssue(id: $id, serviceCode: $code) { id } }`, { variables: { id: anyIssue, code: serviceCode } })),
    );

    for (const response of reports) expect(response.errors!.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', fields: [{ path: 'input.serviceCode', message: 'is not the code of an active station' }] }]);
    for (const response of confirms) expect(response.errors!.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', fields: [{ path: 'serviceCode', message: 'is not the code of an active station' }] }]);
    expect(JSON.stringify([...reports, ...confirms])).not.toMatch(/guiding|nowhere|ghost|District/);
  });

  test('given no token, when an issue is read directly, then UNAUTHENTICATED', async () => {
    const anyIssue = (await callGraphql(handler, `{ issues(first: 1) { edges { node { id } } } }`, { claims: admin })).data!.issues.edges[0].node.id;

    const response = await callGraphql(handler, ISSUE, { variables: { id: anyIssue } });

    expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
  });

  test('given a code of another district, when a staff member reports with it, then BAD_USER_INPUT', async () => {
    const response = await callGraphql(handler, REPORT, {
      variables: { input: { category: 'OTHER', description: 'x', source: 'WALK_IN', serviceCode: 'guiding-ABCDEF' } },
      claims: patrolOfficer,
    });

    expect(response.errors![0]!.extensions.fields![0]!.path).toBe('input.serviceCode');
  });
});

