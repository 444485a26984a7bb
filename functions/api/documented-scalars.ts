import common from '../../schema/common.graphql';

/**
 * The scalars' documented definitions (resolvers/scalars.ts), where the schema keeps their
 * documentation; none in a deploy bundle (type-defs.ts says why). A module of its own so that
 * the public function, which needs the scalars, does not carry the staff SDL with them.
 */
export const documentedScalars: string | undefined = process.env.GRAPHQL_SDL === 'served' ? undefined : common;
