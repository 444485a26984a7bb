import { Logger } from '@aws-lambda-powertools/logger';
import { randomUUID } from 'node:crypto';
import { callerFromClaims } from '../../functions/api/auth/claims';
import { createRequestContext } from '../../functions/api/context';
import { createApolloServer } from '../../functions/api/server';
import { createServices } from '../../functions/app/services';
import type { Store } from '../../functions/store/client';
import type { GraphqlError } from './graphql-handler';

/**
 * The API's Apollo Server over a store whose DynamoDB commands are recorded, so a test can
 * count the round trips an operation costs (retries of one command count once).
 */
export async function createCountingExecutor(store: Store, options: { clock?: () => Date } = {}) {
  const commands: string[] = [];
  store.doc.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(context.commandName ?? 'unknown');
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
  const server = createApolloServer();
  await server.start();
  const services = createServices(store, options);
  const logger = new Logger({ logLevel: 'CRITICAL' });

  return {
    commands,
    async execute(query: string, options: { variables?: Record<string, unknown>; claims?: Record<string, string>; clientAddress?: string } = {}) {
      commands.length = 0;
      const response = await server.executeOperation(
        { query, variables: options.variables },
        {
          contextValue: createRequestContext({ requestId: randomUUID(), caller: callerFromClaims(options.claims), clientAddress: options.clientAddress, services, logger }),
        },
      );
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not used');
      const { data, errors } = response.body.singleResult;
      return { data: data as Record<string, any> | undefined, errors: errors as GraphqlError[] | undefined, commands: [...commands] };
    },
    stop: () => server.stop(),
  };
}
