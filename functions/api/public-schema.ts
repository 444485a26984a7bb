import { addResolversToSchema } from '@graphql-tools/schema';
import { filterSchema, pruneSchema } from '@graphql-tools/utils';
import { buildASTSchema, concatAST, parse, type GraphQLSchema } from 'graphql';
import { PUBLIC_OPERATIONS } from './public-operations';
import { publicResolvers } from './public-resolvers';
import { typeDefs } from './type-defs';

/**
 * The public function's schema: the API's SDL (the same files, so a public type reads as it does
 * on the staff route) with only the root fields of PUBLIC_OPERATIONS, pruned to the types they
 * reach. Built as schema.ts builds the staff schema (no locations, validation assumed: the SDL is
 * validated by the staff schema's tests), with the public resolvers attached in place.
 */
export function buildPublicSchema(): GraphQLSchema {
  const document = concatAST(typeDefs.map((sdl) => parse(sdl, { noLocation: true })));
  const full = buildASTSchema(document, { assumeValid: true, assumeValidSDL: true });
  const allowed: Record<string, readonly string[]> = PUBLIC_OPERATIONS;
  const publicOnly = pruneSchema(filterSchema({ schema: full, rootFieldFilter: (operation, fieldName) => (allowed[operation] ?? []).includes(fieldName) }));
  return addResolversToSchema({
    schema: publicOnly,
    resolvers: publicResolvers as never,
    updateResolversInPlace: true,
    resolverValidationOptions: { requireResolversToMatchSchema: 'ignore' },
  });
}
