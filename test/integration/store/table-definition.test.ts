import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { PERSONAL_ATTRIBUTES, tableDefinition } from '../../../functions/store/table-definition';
import { claimsFor } from '../../support/graphql-handler';
import { createCountingExecutor } from '../../support/counting-executor';
import { CLOSE, INSIDE_DN_01_1, REPORT, RESOLVE, START } from '../../support/issue-operations';
import { movingClock } from '../../support/moving-clock';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const officer = claimsFor('dingnan', 'OFFICER', 'dn-o-01-1');
const clock = movingClock('2026-11-10T00:00:00Z');

let store: TestStore;
let api: Awaited<ReturnType<typeof createCountingExecutor>>;
const reported: string[] = [];

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, 'dingnan');
  api = await createCountingExecutor(store, { clock: clock.now });
  for (const category of ['ILLEGAL_PARKING', 'ILLEGAL_PARKING', 'STRAY_STALL']) {
    clock.advanceMinutes(30);
    const result = await api.execute(REPORT, {
      variables: {
        input: {
          category,
          description: '门口有人占道',
          source: 'HOTLINE',
          location: INSIDE_DN_01_1,
          photoUrls: ['https://img.example/face.jpg'],
          photosShowPeople: true,
          reporterContact: '+86 138 0000 0000',
        },
      },
      claims: supervisor,
    });
    expect(result.errors).toBeUndefined();
    reported.push(result.data!.reportIssue.issue.id);
  }
  // One closed issue, still holding its reporter's data: the erasure index's entry.
  for (const [step, claims, variables] of [[START, officer, {}], [RESOLVE, officer, {}], [CLOSE, supervisor, { satisfaction: 'SATISFIED' }]] as const) {
    const result = await api.execute(step, { variables: { id: reported[0], ...variables }, claims });
    expect(result.errors).toBeUndefined();
  }
}, 120_000);

afterAll(async () => {
  await api.stop();
  await store.drop();
});

/** Every entry of one index: a test may Scan, a request path never does. */
async function entriesOf(indexName: string): Promise<Record<string, unknown>[]> {
  const output = await store.doc.send(new ScanCommand({ TableName: store.tableName, IndexName: indexName }));
  return output.Items ?? [];
}

describe('index projections', () => {
  test.each(tableDefinition.globalSecondaryIndexes.map((index) => [index.indexName]))(
    'given issues reported with a contact and photos of people, when %s is read, then it holds entries and none carries a personal attribute',
    async (indexName) => {
      const entries = await entriesOf(indexName);

      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) for (const attribute of PERSONAL_ATTRIBUTES) expect(entry).not.toHaveProperty(attribute);
    },
  );

  test('given the same issues, when the table item is read, then it still holds the contact and the photos', async () => {
    const output = await store.doc.send(new ScanCommand({ TableName: store.tableName, FilterExpression: '#type = :issue', ExpressionAttributeNames: { '#type': 'type' }, ExpressionAttributeValues: { ':issue': 'ISSUE' } }));

    expect(output.Items).toHaveLength(3);
    for (const item of output.Items!) expect(item).toMatchObject({ reporterContact: '+86 138 0000 0000', photoUrls: ['https://img.example/face.jpg'] });
  });

  test('given a duplicate candidate, when a nearby issue is reported, then the offered duplicate is the full issue read from the table', async () => {
    clock.advanceMinutes(30);
    const result = await api.execute(REPORT, {
      variables: { input: { category: 'STRAY_STALL', description: '又有人占道', source: 'HOTLINE', location: INSIDE_DN_01_1 } },
      claims: supervisor,
    });

    expect(result.data!.reportIssue.possibleDuplicates).toEqual([expect.objectContaining({ description: '门口有人占道', history: [{ action: 'REPORT' }, { action: 'ASSIGN' }] })]);
  });
});
