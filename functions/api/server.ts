import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { auditPlugin } from './audit-plugin';
import { activeOfficerPlugin } from './auth/active-officer';
import type { RequestContext } from './context';
import { formatError, unexpectedErrorPlugin } from './errors';
import { requestObservabilityPlugin } from './observability';
import { retryAfterPlugin } from './retry-after';
import { tracingPlugin } from './tracing-plugin';
import { parseOptions, queryProtection } from './query-limits';
import { servedOperationTypes } from './served-operation-types';

/**
 * The Apollo Server, independent of how requests arrive (Lambda event, tests). With
 * NODE_ENV=production (the deployed functions) introspection is off; everywhere, batched HTTP
 * requests are refused, operations are bounded (query-limits.ts), operations of a kind the schema
 * has no root type for (subscriptions) are validation errors, and errors never carry stacks.
 * Apollo's federation traces and usage reporting are off: nothing here reports to Apollo's
 * services, and their protobuf is left out of the deploy bundle (infra/api-bundling.ts). Apollo's
 * landing page is off too: it loads from a CDN, and deployed there is nothing to explore with
 * introspection off; locally the server serves its own explorer (functions/local/explorer).
 */
export function createApolloServer(options: { schema: GraphQLSchema }): ApolloServer<RequestContext> {
  const production = process.env.NODE_ENV === 'production';
  const protection = queryProtection({ production });
  return new ApolloServer<RequestContext>({
    // Given, not imported: the staff schema (schema.ts) would bring every resolver into the public function's bundle.
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    allowBatchedHttpRequests: false,
    parseOptions,
    validationRules: [...protection.validationRules, servedOperationTypes],
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ...protection.plugins,
      activeOfficerPlugin(),
      unexpectedErrorPlugin(),
      retryAfterPlugin(),
      requestObservabilityPlugin(),
      tracingPlugin(),
      auditPlugin(),
    ],
  });
}
