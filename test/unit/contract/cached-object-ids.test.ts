import { getNamedType, getNullableType, isNonNullType, isObjectType } from 'graphql';
import { buildExecutableSchema } from '../../../functions/api/schema';

/**
 * Object types a client never needs to find on their own: values that live inside the object
 * that holds them (a normalized cache stores them with that object, and replaces them when the
 * object is written again). Every other object type must have `id: ID!`.
 */
const VALUES: Record<string, string> = {
  PageInfo: 'paging state of its connection',
  GeoPoint: 'a coordinate pair',
  GeoJsonPolygon: 'a grid’s boundary',
  ShiftWindow: 'part of DutyPolicy',
  IssueTimeLimit: 'part of IssuePolicy',
  IssueStats: 'figures computed per query arguments',
  UnfilledDemand: 'part of Roster',
  RosterFairness: 'part of Roster',
  ServiceSession: 'part of StationCompliance',
  PendingSession: 'part of StationCompliance',
  OfficerDuty: 'part of ComplianceReport',
  FormField: 'part of PhotoUpload',
};
/** Root types, and the wrappers around what a field or mutation answers. */
const isWrapper = (name: string) => ['Query', 'Mutation', 'Subscription'].includes(name) || /(Edge|Connection|Payload)$/.test(name);

const schema = buildExecutableSchema();
const objectTypes = Object.values(schema.getTypeMap()).filter((type) => isObjectType(type) && !type.name.startsWith('__'));

test('given every object type of the runtime schema, when its fields are read, then each that a client caches has a non-null `id: ID!`', () => {
  const missing = objectTypes
    .filter((type) => isObjectType(type) && !isWrapper(type.name) && !(type.name in VALUES))
    .filter((type) => {
      const id = isObjectType(type) ? type.getFields().id : undefined;
      return !id || !isNonNullType(id.type) || getNamedType(id.type).name !== 'ID';
    })
    .map((type) => type.name);

  expect({
    missing,
    fix: 'give each an `id: ID!` that names the object (functions/api/resolvers/object-ids.ts), or list it in VALUES here if it only ever lives inside another object',
  }).toEqual({ missing: [], fix: expect.any(String) });
});

test('given the value types listed here, when the schema is read, then each still exists and has no `id` (the list does not go stale)', () => {
  const stale = Object.keys(VALUES).filter((name) => {
    const type = schema.getType(name);
    return !isObjectType(type) || getNullableType(type.getFields().id?.type) !== undefined;
  });

  expect(stale).toEqual([]);
});
