/** The GraphQL documents the load sends: what the front ends and residents send most. */

/** The station dashboard: every station with its grids' leaders and its officers (nested, batched). */
export const STATIONS = `query Stations { stations(first: 12) { edges { node { id name grids { code leader { name } } officers { name role } } } } }`;

export const ISSUES = `query Issues($status: IssueStatus) {
  issues(first: 20, filter: { status: $status }) { edges { node { id status version overdue assignee { name } } } pageInfo { hasNextPage endCursor } }
}`;

export const ISSUE = `query Issue($id: ID!) { issue(id: $id) { id status version dueAt history { action toStatus at } } }`;

export const STATION_ISSUES = `query StationIssues($id: ID!) { station(id: $id) { name issues(first: 10) { edges { node { id status reportedAt } } } } }`;

export const REPORT = `mutation Report($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id status version } } }`;

const STEP_ANSWER = '{ id status version }';

/** One workflow step per action, each taking the version the caller last saw. */
export const STEPS = {
  ASSIGN: `mutation Assign($id: ID!, $expectedVersion: Int, $assigneeId: ID!) { assignIssue(id: $id, expectedVersion: $expectedVersion, assigneeId: $assigneeId) ${STEP_ANSWER} }`,
  START: `mutation Start($id: ID!, $expectedVersion: Int) { startIssue(id: $id, expectedVersion: $expectedVersion) ${STEP_ANSWER} }`,
  RESOLVE: `mutation Resolve($id: ID!, $expectedVersion: Int) { resolveIssue(id: $id, expectedVersion: $expectedVersion, note: "已处理") ${STEP_ANSWER} }`,
  CLOSE: `mutation Close($id: ID!, $expectedVersion: Int, $satisfaction: Satisfaction) { closeIssue(id: $id, expectedVersion: $expectedVersion, satisfaction: $satisfaction) ${STEP_ANSWER} }`,
} as const;

export type StepAction = keyof typeof STEPS;

/** The mutation field each step answers under. */
export const STEP_FIELDS: Record<StepAction, string> = { ASSIGN: 'assignIssue', START: 'startIssue', RESOLVE: 'resolveIssue', CLOSE: 'closeIssue' };

export const UPDATE_LIMITS = `mutation Limits($input: UpdateIssuePolicyInput!) { updateIssuePolicy(input: $input) { publicReportsPerCodePerMinute } }`;
