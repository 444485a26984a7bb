import { parse, print, printSchema, stripIgnoredCharacters, visit, type GraphQLSchema } from 'graphql';

/**
 * The SDL the deployed GraphQL functions are built from: the schema of schema/*.graphql without
 * its descriptions and ignored characters. Production serves no introspection
 * (functions/api/server.ts), so nothing there ever reads a description; the bundles carry this
 * text instead of the files (functions/api/type-defs.ts, infra/api-bundling.ts), which the local
 * server, the tests and the published schema keep whole.
 */
export function servedSdl(schema: GraphQLSchema): string {
  const withoutDescriptions = visit(parse(printSchema(schema), { noLocation: true }), {
    enter(node) {
      return 'description' in node && node.description ? { ...node, description: undefined } : undefined;
    },
  });
  return stripIgnoredCharacters(print(withoutDescriptions));
}

/** The graphql-codegen plugin (codegen.yml) writing it as a module: `export const servedSdl = "…"`. */
export const plugin = (schema: GraphQLSchema): string =>
  `/** Generated from schema/*.graphql by functions/local/codegen/served-sdl.ts: the deployed SDL, without descriptions. */\nexport const servedSdl = ${JSON.stringify(servedSdl(schema))};\n`;
