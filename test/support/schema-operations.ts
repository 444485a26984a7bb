import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildASTSchema,
  getNamedType,
  isLeafType,
  isObjectType,
  parse,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** One root field of the API, as a test calls it: a query or a mutation with its arguments. */
export interface RootOperation {
  kind: 'query' | 'mutation';
  field: string;
  args: readonly GraphQLArgument[];
  /** The operation with one variable per argument (`$<argument>` of the argument's own type). */
  document: string;
}

/** The SDL in schema/*.graphql, built as one schema (the same files the server and codegen read). */
export function loadSchema(): GraphQLSchema {
  const folder = join(__dirname, '..', '..', 'schema');
  const sdl = readdirSync(folder)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(folder, file), 'utf8'))
    .join('\n');
  return buildASTSchema(parse(sdl));
}

/** Every Query and Mutation field of the schema, so a new operation is covered without editing a list. */
export function rootOperations(schema: GraphQLSchema): RootOperation[] {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  return roots.flatMap(([kind, type]) =>
    Object.values(type?.getFields() ?? {}).map((field) => ({ kind, field: field.name, args: field.args, document: documentFor(kind, field) })),
  );
}

/** How deep answers are selected: deep enough for a connection's nodes (connection → edges → node). */
const SELECTION_DEPTH = 3;

/**
 * `mutation Fuzz($a: T!, …) { field(a: $a, …) { … } }` selecting the answer's leaf fields and,
 * down to SELECTION_DEPTH, its related objects reachable without arguments, so the answer's own
 * resolvers and loaders run too.
 */
function documentFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `${kind} Fuzz${variables ? `(${variables})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selectionOf(getNamedType(field.type), 1)} }`;
}

function selectionOf(type: GraphQLNamedType, depth: number): string {
  if (!isObjectType(type)) return isLeafType(type) ? '' : ' { __typename }';
  const children = Object.values(type.getFields())
    .filter((child) => child.args.length === 0)
    .flatMap((child) => {
      const named = getNamedType(child.type);
      if (isLeafType(named)) return [child.name];
      return depth < SELECTION_DEPTH && isObjectType(named) ? [`${child.name}${selectionOf(named, depth + 1)}`] : [];
    });
  return ` { __typename ${children.join(' ')} }`;
}
