import { ApolloServer } from '@apollo/server';
import type { RequestContext } from './context';
import { formatError, unexpectedErrorPlugin } from './errors';
import { resolvers } from './resolvers';
import { typeDefs } from './type-defs';

/** The Apollo Server, independent of how requests arrive (Lambda event, tests). */
export function createApolloServer(): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    typeDefs,
    resolvers,
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [unexpectedErrorPlugin()],
  });
}
