import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import type { RequestContext } from './context';
import { formatError, unexpectedErrorPlugin } from './errors';
import { requestObservabilityPlugin } from './observability';
import { parseOptions, queryProtection } from './query-limits';
import { buildExecutableSchema } from './schema';

/**
 * The Apollo Server, independent of how requests arrive (Lambda event, tests). With
 * NODE_ENV=production (the deployed functions) introspection is off; everywhere, batched HTTP
 * requests are refused, operations are bounded (query-limits.ts), and errors never carry stacks.
 * Apollo's federation traces and usage reporting are off: nothing here reports to Apollo's
 * services, and their protobuf is left out of the deploy bundle (infra/api-bundling.ts).
 */
export function createApolloServer(): ApolloServer<RequestContext> {
  const protection = queryProtection();
  return new ApolloServer<RequestContext>({
    schema: buildExecutableSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: process.env.NODE_ENV !== 'production',
    allowBatchedHttpRequests: false,
    parseOptions,
    validationRules: protection.validationRules,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ...protection.plugins,
      unexpectedErrorPlugin(),
      requestObservabilityPlugin(),
    ],
  });
}
