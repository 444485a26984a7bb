import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { callGraphql, claimsFor, codesOf, loadHandler } from '../../support/graphql-handler';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

/**
 * A deployed stack's handler serves one district (DISTRICT_ID). Its JWT authorizer already
 * refuses other pools' tokens; a token that still names another district is anonymous here.
 */
let store: TestStore;
let handler: Awaited<ReturnType<typeof loadHandler>>;

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, 'dingnan');
  await seed(store, 'xian-gangwu');
  process.env.DISTRICT_ID = 'dingnan';
  handler = await loadHandler(store);
});
afterAll(() => store.drop());

test("given the dingnan deployment and a dingnan admin's token, when the district is read, then it answers", async () => {
  const response = await callGraphql(handler, `{ district { id name } }`, { claims: claimsFor('dingnan', 'ADMIN') });

  expect(response.errors).toBeUndefined();
  expect(response.data!.district).toEqual({ id: 'dingnan', name: '定南县' });
});

test("given the dingnan deployment and another district's admin token, when it reads its own district, then UNAUTHENTICATED", async () => {
  const response = await callGraphql(handler, `{ district { id } }`, { claims: claimsFor('xian-gangwu', 'ADMIN') });

  expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
});

test("given the dingnan deployment and another district's admin token, when it creates a station, then UNAUTHENTICATED and nothing is written", async () => {
  const create = `mutation { createStation(input: { name: "越界", kind: ENFORCEMENT_KIOSK }) { id } }`;
  const xianAdmin = claimsFor('xian-gangwu', 'ADMIN');

  const response = await callGraphql(handler, create, { claims: xianAdmin });

  expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
  const stations = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': 'D#xian-gangwu', ':sk': 'STATION#' },
    }),
  );
  expect(stations.Items).toHaveLength(4);
});

test("given the dingnan deployment and another district's token, when it looks up a public service code, then the public lookup still answers", async () => {
  const response = await callGraphql(handler, `{ stationByServiceCode(code: "dingnan-ST01AV") { name } }`, {
    claims: claimsFor('xian-gangwu', 'OFFICER'),
  });

  expect(response.errors).toBeUndefined();
  expect(response.data!.stationByServiceCode.name).toBe('大世界社区城管服务工作站');
});
