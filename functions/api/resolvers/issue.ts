import type * as ConfirmIssue from '../../app/issues/confirm-issue';
import type * as IssueByHotlineTicket from '../../app/issues/issue-by-hotline-ticket';
import type * as IssuePolicyUpdate from '../../app/issues/issue-policy-update';
import type * as IssueStatsQuery from '../../app/issues/issue-stats-query';
import type * as IssueSteps from '../../app/issues/issue-steps';
import type * as ListIssues from '../../app/issues/list-issues';
import type * as ReportIssue from '../../app/issues/report-issue';
import { requireCaller } from '../../domain/caller';
import type { Resolvers } from '../generated/graphql';
import { findById } from './find-by-id';
import { objectIds } from './object-ids';
import { onFirstUse } from '../../shared/on-first-use';
import { primeRelated } from '../prime-related';

// Each use case with its validation, loaded by the first operation that runs it (on-first-use.ts).
const confirming = onFirstUse(() => require('../../app/issues/confirm-issue') as typeof ConfirmIssue);
const byHotlineTicket = onFirstUse(() => require('../../app/issues/issue-by-hotline-ticket') as typeof IssueByHotlineTicket);
const policyUpdate = onFirstUse(() => require('../../app/issues/issue-policy-update') as typeof IssuePolicyUpdate);
const stats = onFirstUse(() => require('../../app/issues/issue-stats-query') as typeof IssueStatsQuery);
const steps = onFirstUse(() => require('../../app/issues/issue-steps') as typeof IssueSteps);
const listing = onFirstUse(() => require('../../app/issues/list-issues') as typeof ListIssues);
const reporting = onFirstUse(() => require('../../app/issues/report-issue') as typeof ReportIssue);

/** Issue queries and mutations: thin adapters over the use cases in functions/app/issues/. */
export const issueResolvers: Resolvers = {
  Query: {
    issue: findById('issueById', 'Issue'),
    issues: (_parent, args, context) => listing().listIssues(context.services, context.caller, args),
    issueStats: (_parent, args, context) => stats().issueStats(context.services, context.caller, args),
    issueByHotlineTicket: (_parent, args, context) => byHotlineTicket().issueByHotlineTicket(context.services, context.caller, args),
  },
  Mutation: {
    reportIssue: async (_parent, args, context) => {
      const reported = await reporting().reportIssue(context.services, context.caller, args, { clientAddress: context.clientAddress });
      context.reportedIssueIds.add(reported.issue.id);
      primeRelated(context, reported.related);
      return { issue: reported.issue, possibleDuplicates: reported.possibleDuplicates, trackingCode: reported.trackingCode };
    },
    assignIssue: (_parent, args, context) => steps().assignIssue(context.services, context.caller, args),
    startIssue: (_parent, args, context) => steps().startIssue(context.services, context.caller, args),
    resolveIssue: (_parent, args, context) => steps().resolveIssue(context.services, context.caller, args),
    transferIssue: (_parent, args, context) => steps().transferIssue(context.services, context.caller, args),
    closeIssue: (_parent, args, context) => steps().closeIssue(context.services, context.caller, args),
    reopenIssue: (_parent, args, context) => steps().reopenIssue(context.services, context.caller, args),
    rejectIssue: (_parent, args, context) => steps().rejectIssue(context.services, context.caller, args),
    confirmIssue: (_parent, args, context) => confirming().confirmIssue(context.services, context.caller, args, { clientAddress: context.clientAddress }),
    updateIssuePolicy: (_parent, args, context) => policyUpdate().updateIssuePolicy(context.services, context.caller, args),
  },
  District: {
    issuePolicy: (district, _args, context) => context.services.issuePolicies.get(district.id),
  },
  IssuePolicy: {
    // Every policy a caller reads or updates is their own district's.
    id: (_policy, _args, context) => objectIds.issuePolicy(requireCaller(context.caller).districtId),
  },
  Station: {
    issues: (station, args, context) => listing().listIssues(context.services, context.caller, args, { stationId: station.id }),
  },
  Grid: {
    issues: (grid, args, context) => listing().listIssues(context.services, context.caller, args, { gridId: grid.id }),
  },
  Officer: {
    assignedIssues: (officer, args, context) => listing().listIssues(context.services, context.caller, args, { assigneeId: officer.id }),
  },
};
