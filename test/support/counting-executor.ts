import { Logger } from '@aws-lambda-powertools/logger';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { roundTrips, type StoreRequest } from '../../bench/support/store-recorder';
import { callerFromClaims } from '../../functions/api/auth/claims';
import { createRequestContext } from '../../functions/api/context';
import { staffExecution } from '../../functions/api/staff-execution';
import { createServices } from '../../functions/app/services';
import type { Store } from '../../functions/store/client';
import type { GraphqlError } from './graphql-handler';

/**
 * The staff API's GraphQL execution over a store whose DynamoDB commands are recorded, so a test can
 * count the round trips an operation costs (retries of one command count once), and how many of
 * them are sequential (`levels`: requests that overlap in time, a Promise.all or a DataLoader
 * batch, share a level).
 */
export async function createCountingExecutor(store: Store, options: { clock?: () => Date } = {}) {
  const commands: string[] = [];
  const requests: StoreRequest[] = [];
  store.doc.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(context.commandName ?? 'unknown');
      const request: StoreRequest = { command: context.commandName ?? 'unknown', sent: { constructor: Object, input: args.input }, startedAt: performance.now(), endedAt: Number.NaN };
      requests.push(request);
      try {
        return await next(args);
      } finally {
        request.endedAt = performance.now();
      }
    },
    { step: 'initialize', name: 'countCommands' },
  );
  const run = staffExecution();
  const services = createServices(store, options);
  const logger = new Logger({ logLevel: 'CRITICAL' });

  return {
    commands,
    async execute(query: string, options: { variables?: Record<string, unknown>; claims?: Record<string, string>; clientAddress?: string } = {}) {
      commands.length = 0;
      requests.length = 0;
      const answer = await run(
        { method: 'POST', query, variables: options.variables },
        createRequestContext({ requestId: randomUUID(), caller: callerFromClaims(options.claims), clientAddress: options.clientAddress, services, logger }),
      );
      const { data, errors } = answer.result;
      return { data: data as Record<string, any> | undefined, errors: errors as GraphqlError[] | undefined, commands: [...commands], levels: roundTrips(requests) };
    },
    /** Stops counting: the store's commands go unrecorded again. */
    stop: async () => void store.doc.middlewareStack.remove('countCommands'),
  };
}
