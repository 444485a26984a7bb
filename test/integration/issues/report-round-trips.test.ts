import { claimsFor } from '../../support/graphql-handler';
import { createCountingExecutor } from '../../support/counting-executor';
import { INSIDE_DN_01_1 } from '../../support/issue-operations';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

const supervisor = claimsFor('dingnan', 'SUPERVISOR');
/** The bench's reportIssue payload: the issue with its grid, station and assignee, and the possible duplicates. */
const REPORT = `mutation Report($input: ReportIssueInput!) {
  reportIssue(input: $input) {
    issue { id status grid { id code } station { id name } assignee { id name } }
    possibleDuplicates { id title }
  }
}`;

let store: TestStore;
let api: Awaited<ReturnType<typeof createCountingExecutor>>;

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, 'dingnan');
  api = await createCountingExecutor(store);
});
afterAll(async () => {
  await api.stop();
  await store.drop();
});

describe('reportIssue round trips', () => {
  test('given a located report routed to a grid with a leader, when it is reported with its grid, station and assignee, then it costs at most 3 sequential DynamoDB round trips', async () => {
    const result = await api.execute(REPORT, {
      variables: { input: { category: 'DAMAGED_MUNICIPAL_FACILITY', description: '井盖破损', source: 'WALK_IN', location: INSIDE_DN_01_1 } },
      claims: supervisor,
    });

    expect(result.errors).toBeUndefined();
    expect(result.data!.reportIssue.issue).toMatchObject({ status: 'ASSIGNED', grid: { id: 'dn-g-01-1' }, station: { id: 'dn-s-01' }, assignee: { id: 'dn-o-01-1' } });
    expect(result.levels).toBeLessThanOrEqual(3);
  });

  test('given an open report of the same category nearby, when another is reported there, then the possible duplicate comes in the same 3 sequential round trips', async () => {
    const input = { category: 'ROAD_OCCUPYING_BUSINESS', description: '占道经营', source: 'WALK_IN', location: INSIDE_DN_01_1 };
    expect((await api.execute(REPORT, { variables: { input }, claims: supervisor })).errors).toBeUndefined();

    const result = await api.execute(REPORT, { variables: { input }, claims: supervisor });

    expect(result.errors).toBeUndefined();
    expect(result.data!.reportIssue.possibleDuplicates).toHaveLength(1);
    expect(result.levels).toBeLessThanOrEqual(3);
  });

  test('given an anonymous report through a service code, when it is reported, then it also costs at most 3 sequential round trips', async () => {
    const result = await api.execute(REPORT, { variables: { input: { category: 'FLYERS_AND_ADS', description: '小广告', serviceCode: 'dingnan-ST02SA' } } });

    expect(result.errors).toBeUndefined();
    expect(result.levels).toBeLessThanOrEqual(3);
  });
});
