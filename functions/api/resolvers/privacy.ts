import type * as AuditTrail from '../../app/privacy/audit-trail';
import type * as EraseReporterData from '../../app/privacy/erase-reporter-data';
import { inZone } from '../../domain/time';
import type { ErasedIssueRecord } from '../../store/privacy/issue-erasure';
import type { Resolvers } from '../generated/graphql';
import { onFirstUse } from '../../shared/on-first-use';

// Loaded by the first operation that runs them (on-first-use.ts).
const audit = onFirstUse(() => require('../../app/privacy/audit-trail') as typeof AuditTrail);
const erasure = onFirstUse(() => require('../../app/privacy/erase-reporter-data') as typeof EraseReporterData);

/** Personal-data operations: thin adapters over functions/app/privacy/. */
export const privacyResolvers: Resolvers = {
  Query: {
    auditTrail: (_parent, args, context) => audit().auditTrail(context.services, context.caller, args),
  },
  AuditRecord: {
    at: async (record, _args, context) => inZone(record.at, await context.timezoneOf(record.districtId)),
  },
  Mutation: {
    eraseReporterData: (_parent, args, context) => erasure().eraseReporterData(context.services, context.caller, args),
  },
  Issue: {
    reporterDataErasedAt: async (issue: ErasedIssueRecord, _args, context) =>
      issue.reporterDataErasedAt ? inZone(issue.reporterDataErasedAt, await context.timezoneOf(issue.districtId)) : null,
  },
};
