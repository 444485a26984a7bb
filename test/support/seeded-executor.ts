import { createCountingExecutor } from './counting-executor';
import { seed } from './seeded-district';
import { createTestStore, type TestStore } from './test-store';

export type CountingExecutor = Awaited<ReturnType<typeof createCountingExecutor>>;

/** A fresh table seeded with a district file, the API's server over it, and one call to take both down. */
export async function seededExecutor(options: { district?: string; clock?: () => Date } = {}) {
  const store: TestStore = await createTestStore();
  await seed(store, options.district ?? 'dingnan');
  const executor: CountingExecutor = await createCountingExecutor(store, options.clock ? { clock: options.clock } : {});
  return {
    store,
    executor,
    stop: async () => {
      await executor.stop();
      await store.drop();
    },
  };
}
