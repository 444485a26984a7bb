import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, introspectionFromSchema, isScalarType, type GraphQLScalarType } from 'graphql';
import { buildExecutableSchema } from '../../../functions/api/schema';

const CUSTOM_SCALARS = ['Date', 'DateTime', 'IsoWeek'];
const repository = join(__dirname, '..', '..', '..');

const scalarsOf = (schema: ReturnType<typeof buildExecutableSchema>): GraphQLScalarType[] =>
  CUSTOM_SCALARS.map((name) => schema.getType(name)).filter(isScalarType);

test('given the runtime schema, when its custom scalars are read, then each keeps the description and the @specifiedBy URL its SDL gives', () => {
  const scalars = scalarsOf(buildExecutableSchema());

  expect(scalars.map((scalar) => scalar.name)).toEqual(CUSTOM_SCALARS);
  for (const scalar of scalars) {
    expect({ name: scalar.name, description: scalar.description }).toEqual({ name: scalar.name, description: expect.stringMatching(/\S/) });
    expect({ name: scalar.name, specifiedByURL: scalar.specifiedByURL }).toEqual({ name: scalar.name, specifiedByURL: `docs/api.md#${scalar.name.toLowerCase()}` });
  }
});

test('given the runtime schema, when a client generator introspects it, then the scalars it sees carry their description and specifiedByURL', () => {
  const introspected = buildClientSchema(introspectionFromSchema(buildExecutableSchema(), { specifiedByUrl: true }));

  expect(scalarsOf(introspected).map(({ name, description, specifiedByURL }) => ({ name, described: Boolean(description), specifiedByURL }))).toEqual(
    CUSTOM_SCALARS.map((name) => ({ name, described: true, specifiedByURL: `docs/api.md#${name.toLowerCase()}` })),
  );
});

test('given the @specifiedBy URLs, when their documents are read, then each names a file of the repository with that anchor', () => {
  for (const scalar of scalarsOf(buildExecutableSchema())) {
    const [file, anchor] = scalar.specifiedByURL!.split('#') as [string, string];
    const document = readFileSync(join(repository, file), 'utf8');

    expect({ url: scalar.specifiedByURL, anchored: document.includes(`<a id="${anchor}"></a>`) }).toEqual({ url: scalar.specifiedByURL, anchored: true });
  }
});

test('given the runtime schema, when a scalar still coerces, then its behaviour is the resolver map’s (documentation added, nothing else changed)', () => {
  const dateTime = buildExecutableSchema().getType('DateTime') as GraphQLScalarType;

  expect(dateTime.parseValue('2026-11-21T09:30:00+08:00')).toBe('2026-11-21T09:30:00+08:00');
  expect(() => dateTime.parseValue('2026-11-21')).toThrow('DateTime must be');
});
