import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startDynamoDbLocal, type RunningDynamoDbLocal } from './dynamodb-local';

/**
 * How the local duty jobs find DynamoDB Local, in order:
 * 1. `DYNAMODB_ENDPOINT` in the environment;
 * 2. the endpoint a running `npm start` wrote to `<data dir>/dynamodb-endpoint` (if it answers);
 * 3. otherwise DynamoDB Local is started on `<data dir>/dynamodb` (the files `npm start` keeps)
 *    for this run only, and stopped afterwards.
 */
export const endpointFileOf = (dataDir: string): string => join(dataDir, 'dynamodb-endpoint');

export async function recordEndpoint(dataDir: string, endpoint: string): Promise<void> {
  await writeFile(endpointFileOf(dataDir), `${endpoint}\n`);
}

export interface LocalDatabase {
  endpoint: string;
  /** Where it came from, for the CLI's first line. */
  source: string;
  release(): Promise<void>;
}

export async function findLocalDatabase(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<LocalDatabase> {
  if (env.DYNAMODB_ENDPOINT) return { endpoint: env.DYNAMODB_ENDPOINT, source: 'DYNAMODB_ENDPOINT', release: async () => undefined };
  const recorded = await readFile(endpointFileOf(dataDir), 'utf8').then((text) => text.trim(), () => undefined);
  if (recorded && (await answers(recorded))) return { endpoint: recorded, source: `the running npm start (${endpointFileOf(dataDir)})`, release: async () => undefined };
  const started: RunningDynamoDbLocal = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') });
  return { endpoint: started.endpoint, source: `DynamoDB Local started on ${join(dataDir, 'dynamodb')}`, release: () => started.stop() };
}

async function answers(endpoint: string): Promise<boolean> {
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}
