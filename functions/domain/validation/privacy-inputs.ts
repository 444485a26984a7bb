import * as z from 'zod';
import { idField, pageArguments } from './fields';

/** `eraseReporterData(issueId)`. */
export const eraseReporterDataArguments = z.object({ issueId: idField });

/** `auditTrail(entityType, entityId, first, after)`: the GraphQL type name of an entity and its id. */
export const auditTrailArguments = z.object({
  entityType: z.string().regex(/^[A-Z][A-Za-z]{0,63}$/, 'must be a type name such as Issue or Officer'),
  entityId: idField,
  ...pageArguments,
});
