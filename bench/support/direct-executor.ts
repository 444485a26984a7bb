import { Logger } from '@aws-lambda-powertools/logger';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, parse, type DocumentNode, type ExecutionResult } from 'graphql';
import { randomUUID } from 'node:crypto';
import { callerFromClaims } from '../../functions/api/auth/claims';
import { createRequestContext } from '../../functions/api/context';
import { resolvers } from '../../functions/api/resolvers';
import { createServices } from '../../functions/app/services';
import type { MutationResolvers } from '../../functions/api/generated/graphql';
import { typeDefs } from '../../functions/api/type-defs';
import type { Store } from '../../functions/store/client';

/**
 * The baseline of the warm-request figure: graphql-js `execute` of an already parsed document
 * over the API's own schema, resolvers, services and store: no Apollo, no Lambda adapter, no
 * parse, no validation, no serialization. The schema is built as Apollo builds it
 * (makeExecutableSchema from the same SDL and resolver map). `mutations` replaces some of the
 * API's mutation resolvers (a bench's baseline of one operation), the rest kept as they are.
 */
export function createDirectExecutor(store: Store, options: { mutations?: Partial<MutationResolvers> } = {}) {
  const merged = options.mutations ? { ...resolvers, Mutation: { ...resolvers.Mutation, ...options.mutations } } : resolvers;
  const schema = makeExecutableSchema({ typeDefs, resolvers: merged as never });
  const services = createServices(store);
  const logger = new Logger({ logLevel: 'ERROR' });
  const documents = new Map<string, DocumentNode>();
  const documentOf = (source: string) => {
    if (!documents.has(source)) documents.set(source, parse(source));
    return documents.get(source)!;
  };
  return {
    documentOf,
    async execute(source: string, variables: Record<string, unknown> | undefined, claims: Record<string, string> | undefined): Promise<ExecutionResult> {
      const document = documentOf(source);
      const contextValue = createRequestContext({ requestId: randomUUID(), caller: callerFromClaims(claims), services, logger });
      return execute({ schema, document, variableValues: variables, contextValue });
    },
  };
}

export type DirectExecutor = ReturnType<typeof createDirectExecutor>;
