import { makeExecutableSchema } from '@graphql-tools/schema';
import { buildASTSchema, concatAST, lexicographicSortSchema, parse, printSchema, validateSchema } from 'graphql';
import { validateSDL } from 'graphql/validation/validate';
import { resolvers } from '../../../functions/api/resolvers';
import { buildExecutableSchema } from '../../../functions/api/schema';
import { typeDefs } from '../../../functions/api/type-defs';

// The runtime build skips graphql-js's SDL and schema validation for the cold start; these tests
// are where that validation happens instead.

test('given the SDL files, when validated as SDL with every rule, then there is no error', () => {
  expect(validateSDL(concatAST(typeDefs.map((sdl) => parse(sdl)))).map(String)).toEqual([]);
});

test('given the runtime schema, when validated with every schema rule, then there is no error', () => {
  const checked = buildASTSchema(concatAST(typeDefs.map((sdl) => parse(sdl))));

  expect(validateSchema(checked).map(String)).toEqual([]);
});

test('given the runtime schema and the fully validated build (every resolver must match a field), when printed, then they are the same schema', () => {
  const validated = makeExecutableSchema({ typeDefs, resolvers: resolvers as never, resolverValidationOptions: { requireResolversToMatchSchema: 'error' } });

  expect(printSchema(lexicographicSortSchema(buildExecutableSchema()))).toBe(printSchema(lexicographicSortSchema(validated)));
});

test('given the runtime schema, when its fields are read, then every resolver of the map is attached where the map puts it', () => {
  const schema = buildExecutableSchema();
  const query = schema.getQueryType()!.getFields();
  const mutation = schema.getMutationType()!.getFields();
  const station = schema.getType('Station') as unknown as { getFields(): Record<string, { resolve?: unknown }> };

  expect(query.station!.resolve).toBeInstanceOf(Function);
  expect(mutation.reportIssue!.resolve).toBeInstanceOf(Function);
  expect(station.getFields().grids!.resolve).toBeInstanceOf(Function);
  expect(schema.getType('DateTime')).toMatchObject({ serialize: (resolvers as unknown as { DateTime: { serialize: unknown } }).DateTime.serialize });
});
