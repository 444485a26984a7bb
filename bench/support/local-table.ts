import { startDynamoDbLocal, type RunningDynamoDbLocal } from '../../functions/local/dynamodb-local';
import { createStore, type Store } from '../../functions/store/client';
import { ensureTable } from '../../functions/local/local-database';

export const BENCH_TABLE = 'bench';
export const BENCH_REGION = 'cn-north-1';

export interface BenchTable {
  dynamo: RunningDynamoDbLocal;
  store: Store;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local in memory on a free loopback port, with the deployed table layout. The bench
 * owns this java process and stops it; nothing outlives `npm run bench`.
 */
export async function startBenchTable(): Promise<BenchTable> {
  const dynamo = await startDynamoDbLocal();
  const store = createStore({ tableName: BENCH_TABLE, endpoint: dynamo.endpoint, region: BENCH_REGION });
  await ensureTable(store);
  return {
    dynamo,
    store,
    stop: async () => {
      store.doc.destroy();
      await dynamo.stop();
    },
  };
}
