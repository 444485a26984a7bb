import { GraphQLError, GraphQLScalarType, GraphQLSpecifiedByDirective, Kind, getDirectiveValues, parse, type ScalarTypeDefinitionNode } from 'graphql';
import { documentedScalars } from '../documented-scalars';

/**
 * The scalars' definitions in the SDL. Attaching a GraphQLScalarType to the schema copies every
 * property of it over the SDL's type (@graphql-tools' addResolversToSchema), so a scalar built
 * without its description and @specifiedBy URL would erase both from the runtime schema (and
 * from introspection and the published schema.graphql): each scalar takes them from its SDL.
 * The deploy bundles, which serve no introspection, carry no documentation (type-defs.ts).
 */
const definitions = new Map(
  (documentedScalars === undefined ? [] : parse(documentedScalars, { noLocation: true }).definitions)
    .filter((definition): definition is ScalarTypeDefinitionNode => definition.kind === Kind.SCALAR_TYPE_DEFINITION)
    .map((definition) => [definition.name.value, definition]),
);

function documentationOf(name: string): { description?: string; specifiedByURL?: string } {
  if (documentedScalars === undefined) return {};
  const definition = definitions.get(name);
  if (!definition) throw new Error(`scalar ${name} is not defined in schema/common.graphql`);
  const specifiedBy = getDirectiveValues(GraphQLSpecifiedByDirective, definition) as { url: string } | undefined;
  return { description: definition.description?.value, specifiedByURL: specifiedBy?.url };
}

/** A string scalar that accepts only values matching `pattern`, in variables and in literals. */
function patternScalar(name: string, pattern: RegExp, expected: string): GraphQLScalarType<string, string> {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !pattern.test(value)) {
      throw new GraphQLError(`${name} must be ${expected}`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    ...documentationOf(name),
    serialize: (value) => check(value),
    parseValue: check,
    parseLiteral: (ast) => check(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

export const scalarResolvers = {
  DateTime: patternScalar(
    'DateTime',
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/,
    'an ISO-8601 date-time with an offset, e.g. 2026-11-21T09:30:00+08:00',
  ),
  Date: patternScalar('Date', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date YYYY-MM-DD'),
  IsoWeek: patternScalar('IsoWeek', /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'an ISO week YYYY-Www, e.g. 2026-W48'),
};
