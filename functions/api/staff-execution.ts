import { auditedSchema, recordAudit } from './audit';
import { activeOfficerCheck } from './auth/active-officer';
import { graphqlExecution, type GraphqlRun } from './graphql-execution';
import { buildExecutableSchema } from './schema';

/**
 * The staff API's GraphQL execution, wherever it runs (the Lambda handler, the round-trip tests,
 * the bench): the whole schema with its fields audited (audit.ts), and a token naming an officer
 * checked against the officer's record before the operation runs (auth/active-officer.ts).
 * `production` defaults to the deployed functions' NODE_ENV=production.
 */
export function staffExecution(options: { production?: boolean; documentCacheSize?: number } = {}): GraphqlRun {
  return graphqlExecution({
    schema: auditedSchema(buildExecutableSchema()),
    production: options.production ?? process.env.NODE_ENV === 'production',
    beforeExecute: activeOfficerCheck(),
    afterExecute: recordAudit,
    documentCacheSize: options.documentCacheSize,
  });
}
