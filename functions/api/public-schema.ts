import { buildASTSchema, parse, type GraphQLSchema } from 'graphql';
import { attachResolvers } from './attach-resolvers';
import documentedPublicSdl from './public-schema.graphql';
import { publicResolvers } from './public-resolvers';

/** In a deploy bundle the same SDL without descriptions, as for the staff API (type-defs.ts says why and how). */
const publicSdl: string =
  process.env.GRAPHQL_SDL === 'served' ? (require('./generated/served-public-sdl') as typeof import('./generated/served-public-sdl')).servedPublicSdl : documentedPublicSdl;

/**
 * The public function's schema, from its own SDL: only the public operations and the types they
 * reach, projected from the API's SDL at build time (functions/local/public-sdl.ts, committed as
 * public-schema.graphql), so the function neither bundles nor parses the staff SDL. Built as
 * schema.ts builds the staff schema (no locations, validation assumed: the schema tests validate
 * it), with the public resolvers attached in place (attach-resolvers.ts: no @graphql-tools in
 * the public function).
 */
export function buildPublicSchema(): GraphQLSchema {
  const schema = buildASTSchema(parse(publicSdl, { noLocation: true }), { assumeValid: true, assumeValidSDL: true });
  return attachResolvers(schema, publicResolvers);
}
