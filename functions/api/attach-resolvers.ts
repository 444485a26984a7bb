import { GraphQLScalarType, isObjectType, isScalarType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

type FieldResolvers = Record<string, GraphQLFieldResolver<unknown, unknown> | { resolve?: GraphQLFieldResolver<unknown, unknown> }>;

/**
 * Attaches resolvers to a schema built from SDL, in place: each object type's field resolvers,
 * and each custom scalar's parsing and serialising. What @graphql-tools/schema's
 * addResolversToSchema does for the resolvers this API has, without loading @graphql-tools
 * (the public function's cold start: docs/performance.md). Resolvers of types the schema does
 * not have, or of fields it does not have, are ignored (the public schema is a projection of the
 * staff one); any other kind of resolver (enums, abstract types) is refused, not ignored.
 */
export function attachResolvers(schema: GraphQLSchema, resolvers: Record<string, unknown>): GraphQLSchema {
  for (const [typeName, given] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!type) continue;
    if (isScalarType(type) && given instanceof GraphQLScalarType) {
      type.serialize = given.serialize;
      type.parseValue = given.parseValue;
      type.parseLiteral = given.parseLiteral;
    } else if (isObjectType(type) && given && typeof given === 'object') {
      const fields = type.getFields();
      for (const [fieldName, resolver] of Object.entries(given as FieldResolvers)) {
        const field = fields[fieldName];
        if (!field) continue;
        const resolve = typeof resolver === 'function' ? resolver : resolver.resolve;
        if (resolve) field.resolve = resolve;
      }
    } else {
      throw new Error(`resolvers given for ${typeName}, a kind of type attachResolvers does not attach`);
    }
  }
  return schema;
}
