import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Every DynamoDB operation that can change the table (PartiQL counts as one: the store never uses it). */
const WRITES = /^(Put|Update|Delete|TransactWrite|BatchWrite|ExecuteStatement|ExecuteTransaction|BatchExecuteStatement)(Item|Items)?Command$/;

type Send = (this: unknown, command: object, ...rest: unknown[]) => Promise<unknown>;

/**
 * Records the writes DynamoDB accepted, from every client in this test file's module registry
 * (the Lambda handler's included): a write that failed its condition stored nothing and is not
 * recorded. Call inside a test file; jest.restoreAllMocks() removes it.
 */
export function trackAcceptedWrites() {
  const accepted: string[] = [];
  for (const client of [DynamoDBDocumentClient, DynamoDBClient]) {
    const prototype = client.prototype as unknown as { send: Send };
    const original = prototype.send;
    jest.spyOn(prototype, 'send').mockImplementation(async function (this: unknown, command: object, ...rest: unknown[]) {
      const output = await original.call(this, command, ...rest);
      if (WRITES.test(command.constructor.name)) accepted.push(command.constructor.name);
      return output;
    });
  }
  return {
    /** The writes accepted since the last call, emptied. */
    take: (): string[] => accepted.splice(0),
  };
}
