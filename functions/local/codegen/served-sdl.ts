import { readFileSync } from 'node:fs';
import { buildASTSchema, parse, print, printSchema, stripIgnoredCharacters, visit, type GraphQLSchema } from 'graphql';

/**
 * The SDL the deployed GraphQL functions are built from: the schema of schema/*.graphql without
 * its descriptions and ignored characters. Production serves no introspection
 * (functions/api/query-limits.ts), so nothing there ever reads a description; the bundles carry this
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

/** The public function's committed SDL (functions/local/public-sdl.ts writes it), from the repository root, where codegen runs. */
const PUBLIC_SDL = 'functions/api/public-schema.graphql';

/**
 * The graphql-codegen plugin (codegen.yml) writing it as a module: `export const servedSdl = "…"`;
 * with `config: { of: public }`, the public function's own SDL the same way (`servedPublicSdl`).
 * One module for both: codegen loads it by Node's own TypeScript support, without a bundler's
 * resolution of imports between such files.
 */
export const plugin = (schema: GraphQLSchema, _documents: unknown, config: { of?: string } = {}): string =>
  config.of === 'public'
    ? `/** Generated from ${PUBLIC_SDL} by functions/local/codegen/served-sdl.ts: the public function's deployed SDL, without descriptions. */\nexport const servedPublicSdl = ${JSON.stringify(servedSdl(buildASTSchema(parse(readFileSync(PUBLIC_SDL, 'utf8')))))};\n`
    : `/** Generated from schema/*.graphql by functions/local/codegen/served-sdl.ts: the deployed SDL, without descriptions. */\nexport const servedSdl = ${JSON.stringify(servedSdl(schema))};\n`;
