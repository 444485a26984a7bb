import { buildASTSchema, buildSchema, isSpecifiedScalarType, concatAST, findBreakingChanges, findDangerousChanges, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { servedPublicSdl as generatedServedPublicSdl } from '../../../../functions/api/generated/served-public-sdl';
import { servedSdl as generatedServedSdl } from '../../../../functions/api/generated/served-sdl';
import publicSdl from '../../../../functions/api/public-schema.graphql';
import { typeDefs } from '../../../../functions/api/type-defs';
import { servedSdl } from '../../../../functions/local/codegen/served-sdl';

const documented = buildASTSchema(concatAST(typeDefs.map((sdl) => parse(sdl))));
const printedSorted = (sdl: string) => printSchema(lexicographicSortSchema(buildSchema(sdl)));

test('given the documented schema, when its served SDL is built from it, then both schemas have the same types, fields, arguments and defaults', () => {
  const served = buildSchema(servedSdl(documented));

  expect(findBreakingChanges(documented, served)).toEqual([]);
  expect(findDangerousChanges(documented, served)).toEqual([]);
  expect(findBreakingChanges(served, documented)).toEqual([]);
  expect(findDangerousChanges(served, documented)).toEqual([]);
});

test('given the documented schema, when its served SDL is built from it, then no description is left and it is far shorter', () => {
  const served = servedSdl(documented);
  const descriptions = Object.values(buildSchema(served).getTypeMap()).filter((type) => !type.name.startsWith('__') && !isSpecifiedScalarType(type) && type.description);

  expect(descriptions).toEqual([]);
  expect(served).not.toContain('"""');
  expect(served.length).toBeLessThan(typeDefs.join('').length / 2);
});

test('given the generated served SDL, when compared with one built from schema/*.graphql now, then it is current (npm run codegen after an SDL change)', () => {
  expect(printedSorted(generatedServedSdl)).toBe(printedSorted(servedSdl(documented)));
});

test("given the public function's SDL, when its generated served SDL is read, then it has the same types and fields without any description (npm run codegen after npm run schema:public)", () => {
  const documentedPublic = buildSchema(publicSdl);
  const served = buildSchema(generatedServedPublicSdl);

  expect(findBreakingChanges(documentedPublic, served)).toEqual([]);
  expect(findBreakingChanges(served, documentedPublic)).toEqual([]);
  expect(findDangerousChanges(served, documentedPublic)).toEqual([]);
  expect(generatedServedPublicSdl).not.toContain('"""');
});
