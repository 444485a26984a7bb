import { ApolloArmor } from '@escape.tech/graphql-armor';

/** Tokens one document may have; counted by graphql-js's own parser (Apollo's `parseOptions`). */
export const MAX_TOKENS = 2000;

/**
 * Limits on what one operation may ask, tuned to this schema: the deepest real query (a station
 * dashboard: station → grids → leader, officers, issues → edges → node → grid) is 7 levels deep
 * and a few hundred tokens. graphql-armor's cost grows with depth: a page of 50 issues with every
 * field and history costs about 10 000, a week of shifts for 100 stations about 6 000; 15 aliased
 * copies of that page cost over 280 000, so the limit sits at 50 000. Rejections are validation errors (GRAPHQL_VALIDATION_FAILED) that do
 * not reveal the limits. In production field suggestions ("Did you mean …?") are removed, so the
 * schema cannot be mapped by typos when introspection is off; in development they help.
 *
 * The token limit is not graphql-armor's: its plugin parses inside Apollo's `parsingDidStart`,
 * where any error it throws (a plain syntax error too) becomes an HTTP 500. Apollo's parser
 * counts the tokens itself (`parseOptions` in server.ts), so a document over MAX_TOKENS is a
 * GRAPHQL_PARSE_FAILED request error like any syntax error (errors.ts words it without the limit).
 */
export const queryLimits = (options: { production: boolean }) =>
  ({
    maxDepth: { n: 10, exposeLimits: false },
    costLimit: { maxCost: 50_000, exposeLimits: false },
    maxAliases: { n: 15, exposeLimits: false },
    maxDirectives: { n: 10, exposeLimits: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: options.production },
  }) as const;

/** graphql-armor's validation rules and plugins for Apollo Server (batched HTTP requests off). */
export const queryProtection = (options: { production: boolean }) => new ApolloArmor(queryLimits(options)).protect();

/** Apollo's options for graphql-js's parser: the token limit. */
export const parseOptions = { maxTokens: MAX_TOKENS } as const;
