import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, specifiedRules, type ValidationContext, type ValidationRule } from 'graphql';
import { servedOperationTypes } from './served-operation-types';

/** Tokens one document may have; counted by graphql-js's own parser (`parseOptions`). */
export const MAX_TOKENS = 2000;

/**
 * Limits on what one operation may ask, tuned to this schema: the deepest real query (a station
 * dashboard: station → grids → leader, officers, issues → edges → node → grid) is 7 levels deep
 * and a few hundred tokens. graphql-armor's cost grows with depth: a page of 50 issues with every
 * field and history costs about 10 000, a week of shifts for 100 stations about 6 000; 15 aliased
 * copies of that page cost over 280 000, so the limit sits at 50 000. Rejections are validation errors (GRAPHQL_VALIDATION_FAILED) that do
 * not reveal the limits. In production field suggestions ("Did you mean …?") are removed
 * (graphql-execution.ts), so the schema cannot be mapped by typos when introspection is off; in
 * development they help.
 *
 * The token limit is graphql-js's own parser's (`parseOptions`), so a document over MAX_TOKENS is
 * a GRAPHQL_PARSE_FAILED request error like any syntax error (errors.ts words it without the limit).
 */
export const QUERY_LIMITS = {
  maxDepth: { n: 10 },
  costLimit: { maxCost: 50_000 },
  maxAliases: { n: 15 },
  maxDirectives: { n: 10 },
} as const;

/** A rejection is one more validation error of the document: graphql-armor's rules throw it otherwise, which would end validation as a fault. */
const asValidationError = { exposeLimits: false, propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] };

/**
 * Introspection off: one error per `__schema` or `__type` asked for (graphql-js's own rule would
 * name every field under them too), as Apollo Server words it.
 */
const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(new GraphQLError('GraphQL introspection is not allowed, but the query contained __schema or __type.', { nodes: [node] }));
    }
  },
});

/**
 * Every document is validated by these: graphql-js's own rules, graphql-armor's limits, operations
 * only of the schema's kinds (served-operation-types.ts), and, unless allowed, no introspection.
 */
export function validationRules(options: { introspection: boolean }): ValidationRule[] {
  return [
    ...specifiedRules,
    maxDepthRule({ ...QUERY_LIMITS.maxDepth, ...asValidationError }),
    costLimitRule({ ...QUERY_LIMITS.costLimit, ...asValidationError }),
    maxAliasesRule({ ...QUERY_LIMITS.maxAliases, ...asValidationError }),
    maxDirectivesRule({ ...QUERY_LIMITS.maxDirectives, ...asValidationError }),
    servedOperationTypes,
    ...(options.introspection ? [] : [noIntrospection]),
  ];
}

/** Options for graphql-js's parser: the token limit. */
export const parseOptions = { maxTokens: MAX_TOKENS } as const;
