/**
 * The operations the public route serves, one list: the public function's schema is the API's
 * SDL cut down to these root fields and the types they reach (public-schema.ts). An operation
 * becomes public by being listed here with its resolvers' aggregate in public-resolvers.ts.
 */
export const PUBLIC_OPERATIONS = {
  Query: ['stationByServiceCode', 'trackIssue'],
  Mutation: ['reportIssue', 'confirmIssue', 'rateIssue', 'requestPhotoUpload'],
} as const satisfies Record<'Query' | 'Mutation', readonly string[]>;
