import { confirmIssue } from '../../app/issues/confirm-issue';
import { issueByHotlineTicket } from '../../app/issues/issue-by-hotline-ticket';
import { issueStats } from '../../app/issues/issue-stats-query';
import { updateIssuePolicy } from '../../app/issues/issue-policy-update';
import { assignIssue, closeIssue, rejectIssue, reopenIssue, resolveIssue, startIssue, transferIssue } from '../../app/issues/issue-steps';
import { listIssues } from '../../app/issues/list-issues';
import { reportIssue } from '../../app/issues/report-issue';
import { requireCaller } from '../../domain/caller';
import type { Resolvers } from '../generated/graphql';
import { findById } from './find-by-id';
import { objectIds } from './object-ids';
import { primeRelated } from '../prime-related';

/** Issue queries and mutations: thin adapters over the use cases in functions/app/issues/. */
export const issueResolvers: Resolvers = {
  Query: {
    issue: findById('issueById', 'Issue'),
    issues: (_parent, args, context) => listIssues(context.services, context.caller, args),
    issueStats: (_parent, args, context) => issueStats(context.services, context.caller, args),
    issueByHotlineTicket: (_parent, args, context) => issueByHotlineTicket(context.services, context.caller, args),
  },
  Mutation: {
    reportIssue: async (_parent, args, context) => {
      const reported = await reportIssue(context.services, context.caller, args, { clientAddress: context.clientAddress });
      context.reportedIssueIds.add(reported.issue.id);
      primeRelated(context, reported.related);
      return { issue: reported.issue, possibleDuplicates: reported.possibleDuplicates, trackingCode: reported.trackingCode };
    },
    assignIssue: (_parent, args, context) => assignIssue(context.services, context.caller, args),
    startIssue: (_parent, args, context) => startIssue(context.services, context.caller, args),
    resolveIssue: (_parent, args, context) => resolveIssue(context.services, context.caller, args),
    transferIssue: (_parent, args, context) => transferIssue(context.services, context.caller, args),
    closeIssue: (_parent, args, context) => closeIssue(context.services, context.caller, args),
    reopenIssue: (_parent, args, context) => reopenIssue(context.services, context.caller, args),
    rejectIssue: (_parent, args, context) => rejectIssue(context.services, context.caller, args),
    confirmIssue: (_parent, args, context) => confirmIssue(context.services, context.caller, args, { clientAddress: context.clientAddress }),
    updateIssuePolicy: (_parent, args, context) => updateIssuePolicy(context.services, context.caller, args),
  },
  District: {
    issuePolicy: (district, _args, context) => context.services.issuePolicies.get(district.id),
  },
  IssuePolicy: {
    // Every policy a caller reads or updates is their own district's.
    id: (_policy, _args, context) => objectIds.issuePolicy(requireCaller(context.caller).districtId),
  },
  Station: {
    issues: (station, args, context) => listIssues(context.services, context.caller, args, { stationId: station.id }),
  },
  Grid: {
    issues: (grid, args, context) => listIssues(context.services, context.caller, args, { gridId: grid.id }),
  },
  Officer: {
    assignedIssues: (officer, args, context) => listIssues(context.services, context.caller, args, { assigneeId: officer.id }),
  },
};
