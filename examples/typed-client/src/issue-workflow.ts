import type { ApolloClient } from '@apollo/client';
import { graphql } from './gql';
import type { IssueCardFragment, ReportIssueInput, Satisfaction } from './gql/graphql';

/** What an issue screen shows; every step's mutation answers it, so the cached issue is always current. */
export const ISSUE_CARD = graphql(`
  fragment IssueCard on Issue {
    id
    title
    status
    priority
    version
    dueAt
    overdue
    source
    assignee {
      id
      name
    }
    history {
      id
      at
      actor
      action
      toStatus
      note
    }
  }
`);

const REPORT_ISSUE = graphql(`
  mutation ReportIssue($input: ReportIssueInput!) {
    reportIssue(input: $input) {
      issue {
        ...IssueCard
      }
      possibleDuplicates {
        id
        title
      }
    }
  }
`);

const ASSIGN_ISSUE = graphql(`
  mutation AssignIssue($id: ID!, $assigneeId: ID!, $expectedVersion: Int) {
    assignIssue(id: $id, assigneeId: $assigneeId, expectedVersion: $expectedVersion) {
      ...IssueCard
    }
  }
`);

const START_ISSUE = graphql(`
  mutation StartIssue($id: ID!, $expectedVersion: Int) {
    startIssue(id: $id, expectedVersion: $expectedVersion) {
      ...IssueCard
    }
  }
`);

const RESOLVE_ISSUE = graphql(`
  mutation ResolveIssue($id: ID!, $expectedVersion: Int, $note: String) {
    resolveIssue(id: $id, expectedVersion: $expectedVersion, note: $note) {
      ...IssueCard
    }
  }
`);

const CLOSE_ISSUE = graphql(`
  mutation CloseIssue($id: ID!, $expectedVersion: Int, $satisfaction: Satisfaction) {
    closeIssue(id: $id, expectedVersion: $expectedVersion, satisfaction: $satisfaction) {
      ...IssueCard
    }
  }
`);

/** A mutation's data, or an error: with the default error policy a GraphQL error rejects the call. */
function answered<T>(data: T | undefined | null, operation: string): T {
  if (!data) throw new Error(`${operation} answered no data`);
  return data;
}

/**
 * The whole workflow of one report: report → assign → start → resolve → close. Each step passes
 * the version it saw (`expectedVersion`), so a step on an issue someone else changed meanwhile is
 * refused with CONFLICT instead of overwriting it. A resident's report is closed with the
 * follow-up call's rating; a patrol's find without one.
 */
export async function handleReport(
  client: ApolloClient,
  report: ReportIssueInput,
  steps: { assigneeId: string; resolution: string; satisfaction?: Satisfaction },
): Promise<IssueCardFragment> {
  const reported = answered((await client.mutate({ mutation: REPORT_ISSUE, variables: { input: report } })).data, 'reportIssue').reportIssue.issue;
  const assigned = answered(
    (await client.mutate({ mutation: ASSIGN_ISSUE, variables: { id: reported.id, assigneeId: steps.assigneeId, expectedVersion: reported.version } })).data,
    'assignIssue',
  ).assignIssue;
  const started = answered((await client.mutate({ mutation: START_ISSUE, variables: { id: assigned.id, expectedVersion: assigned.version } })).data, 'startIssue').startIssue;
  const resolved = answered(
    (await client.mutate({ mutation: RESOLVE_ISSUE, variables: { id: started.id, expectedVersion: started.version, note: steps.resolution } })).data,
    'resolveIssue',
  ).resolveIssue;
  const satisfaction = resolved.source === 'PATROL' ? null : (steps.satisfaction ?? 'SATISFIED');
  return answered(
    (await client.mutate({ mutation: CLOSE_ISSUE, variables: { id: resolved.id, expectedVersion: resolved.version, satisfaction } })).data,
    'closeIssue',
  ).closeIssue;
}

/** The history as a screen lists it, newest first. */
export const timeline = (issue: IssueCardFragment): string[] =>
  [...issue.history].reverse().map((event) => `${event.at} ${event.action} → ${event.toStatus} by ${event.actor}${event.note ? `: ${event.note}` : ''}`);
