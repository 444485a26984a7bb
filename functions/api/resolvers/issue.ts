import { confirmIssue } from '../../app/issues/confirm-issue';
import { issueStats } from '../../app/issues/issue-stats-query';
import { updateIssuePolicy } from '../../app/issues/issue-policy-update';
import { assignIssue, closeIssue, rejectIssue, reopenIssue, resolveIssue, startIssue, transferIssue } from '../../app/issues/issue-steps';
import { listIssues } from '../../app/issues/list-issues';
import { reportIssue } from '../../app/issues/report-issue';
import type { Resolvers } from '../generated/graphql';
import { findById } from './find-by-id';

/** Issue queries and mutations; the use cases live in functions/api/issues/. */
export const issueResolvers: Resolvers = {
  Query: {
    issue: findById('issueById', 'Issue'),
    issues: (_parent, args, context) => listIssues(context, args),
    issueStats: (_parent, args, context) => issueStats(context, args),
  },
  Mutation: {
    reportIssue: (_parent, args, context) => reportIssue(context, args),
    assignIssue: (_parent, args, context) => assignIssue(context, args),
    startIssue: (_parent, args, context) => startIssue(context, args),
    resolveIssue: (_parent, args, context) => resolveIssue(context, args),
    transferIssue: (_parent, args, context) => transferIssue(context, args),
    closeIssue: (_parent, args, context) => closeIssue(context, args),
    reopenIssue: (_parent, args, context) => reopenIssue(context, args),
    rejectIssue: (_parent, args, context) => rejectIssue(context, args),
    confirmIssue: (_parent, args, context) => confirmIssue(context, args),
    updateIssuePolicy: (_parent, args, context) => updateIssuePolicy(context, args),
  },
  District: {
    issuePolicy: (district, _args, context) => context.services.issuePolicies.get(district.id),
  },
  Station: {
    issues: (station, args, context) => listIssues(context, args, { stationId: station.id }),
  },
  Grid: {
    issues: (grid, args, context) => listIssues(context, args, { gridId: grid.id }),
  },
  Officer: {
    assignedIssues: (officer, args, context) => listIssues(context, args, { assigneeId: officer.id }),
  },
};
