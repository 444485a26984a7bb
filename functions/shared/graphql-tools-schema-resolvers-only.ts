import type { addResolversToSchema as AddResolversToSchema } from '@graphql-tools/schema';

/**
 * Stands in for `@graphql-tools/schema` in the GraphQL functions' bundles (the alias in
 * infra/api-bundling.ts). Its package index loads everything it has, `@graphql-tools/merge`
 * included (24 KB with the rest): this API uses `addResolversToSchema` alone
 * (functions/api/schema.ts, public-schema.ts), and Apollo Server calls `makeExecutableSchema` only
 * when it is given type definitions instead of a schema, which it never is here.
 */
const { addResolversToSchema } = require('../../node_modules/@graphql-tools/schema/cjs/addResolversToSchema.js') as { addResolversToSchema: typeof AddResolversToSchema };

export { addResolversToSchema };

export function makeExecutableSchema(): never {
  throw new Error('makeExecutableSchema is not in this bundle: give Apollo Server a built schema (functions/api/schema.ts)');
}
