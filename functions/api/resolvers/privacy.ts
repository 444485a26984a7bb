import { auditTrail } from '../../app/privacy/audit-trail';
import { eraseReporterData } from '../../app/privacy/erase-reporter-data';
import { inZone } from '../../domain/time';
import type { ErasedIssueRecord } from '../../store/privacy/issue-erasure';
import type { Resolvers } from '../generated/graphql';

/** Personal-data operations: thin adapters over functions/app/privacy/. */
export const privacyResolvers: Resolvers = {
  Query: {
    auditTrail: (_parent, args, context) => auditTrail(context.services, context.caller, args),
  },
  AuditRecord: {
    at: async (record, _args, context) => inZone(record.at, await context.timezoneOf(record.districtId)),
  },
  Mutation: {
    eraseReporterData: (_parent, args, context) => eraseReporterData(context.services, context.caller, args),
  },
  Issue: {
    reporterDataErasedAt: async (issue: ErasedIssueRecord, _args, context) =>
      issue.reporterDataErasedAt ? inZone(issue.reporterDataErasedAt, await context.timezoneOf(issue.districtId)) : null,
  },
};
