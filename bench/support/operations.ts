import { claimsFor } from '../../test/support/graphql-handler';

/**
 * The operations every figure of `npm run bench` uses, with what each costs by design: the
 * number of store round trips a batched (DataLoader) resolution needs, i.e. one per nesting level
 * that reads, plus for a mutation its read-check-write steps. That number is the baseline of the
 * round-trip row.
 */
export interface BenchOperation {
  name: string;
  /** Label in the results table. */
  label: string;
  document: string;
  claims: Record<string, string>;
  /** Levels (or steps) that need a store round trip; requests in the same level run in parallel. */
  levels: number;
  /** Why `levels` is what it is. */
  levelsExplained: string;
}

export const DINGNAN = 'dingnan';
export const BENCH300 = 'bench300';

export const admin = claimsFor(DINGNAN, 'ADMIN');
export const admin300 = claimsFor(BENCH300, 'ADMIN');
/**
 * Reports and steps are taken by supervisors and officers. An ADMIN's write also leaves an audit
 * record, written before the answer leaves (functions/api/audit.ts): one more sequential
 * round trip that only an ADMIN's mutation pays.
 */
export const supervisor = claimsFor(DINGNAN, 'SUPERVISOR');
/** An officer's own token: the API checks the officer is still active (trusted 30 s per container once seen). */
export const officer = claimsFor(DINGNAN, 'OFFICER', 'dn-o-01-1');

export const DASHBOARD = `query StationDashboard($id: ID!, $week: IsoWeek!) {
  station(id: $id) {
    id name kind serviceCode address
    grids { id code name leader { id name phone } officers { id name role } }
    officers { id name role partyMember }
    issues(filter: { status: ASSIGNED }, first: 20) {
      edges { node { id title category priority status reportedAt dueAt overdue assignee { id name } } }
      pageInfo { hasNextPage endCursor }
    }
    compliance(week: $week) { compliant qualifyingSessions requiredSessions serviceMinutes reasons }
  }
}`;

export const ISSUES_PAGE = `query IssuesPage {
  issues(first: 50) {
    edges { cursor node { id title category source priority status reportedAt dueAt overdue grid { id code name } assignee { id name role } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const REPORT_ISSUE = `mutation ReportIssue($input: ReportIssueInput!) {
  reportIssue(input: $input) {
    issue { id status priority dueAt grid { id code } station { id name } assignee { id name } }
    possibleDuplicates { id title }
  }
}`;

export const START_ISSUE = `mutation StartIssue($id: ID!) {
  startIssue(id: $id) { id status version assignee { id name } }
}`;

export const COMPLIANCE_REPORT = `query ComplianceReport($week: IsoWeek!) {
  complianceReport(week: $week) {
    week stationCount compliantCount complianceRate
    stations { station { id name } compliant qualifyingSessions requiredSessions serviceMinutes reasons }
  }
}`;

export const OPERATIONS: Record<'dashboard' | 'dashboardAsOfficer' | 'issuesPage' | 'reportIssue' | 'transition' | 'complianceReport', BenchOperation> = {
  dashboard: {
    name: 'dashboard',
    label: 'station dashboard',
    document: DASHBOARD,
    claims: admin,
    levels: 5,
    levelsExplained:
      "station; its grids, officers, issue index and compliance (one read each, in parallel); the issues by key (the index carries no personal data); their assignees; the audit record of the leaders' phones read",
  },
  dashboardAsOfficer: {
    name: 'dashboardAsOfficer',
    label: 'station dashboard, officer token',
    document: DASHBOARD,
    claims: officer,
    levels: 5,
    levelsExplained: "as the dashboard (any token that reads a phone leaves the audit record); the active-officer check reads the officer once per 30 s per container, through the request's officer loader",
  },
  issuesPage: {
    name: 'issuesPage',
    label: 'issues page of 50',
    document: ISSUES_PAGE,
    claims: admin,
    levels: 3,
    levelsExplained: 'the index page; the issues by key (the index carries no personal data); their grids and assignees (one batch each, in parallel)',
  },
  reportIssue: {
    name: 'reportIssue',
    label: 'reportIssue',
    document: REPORT_ISSUE,
    claims: supervisor,
    levels: 3,
    levelsExplained: 'district, policy, grids (and the service code\'s station); the routed leader beside the query of open issues nearby; the write beside the payload\'s station and the duplicates\' records (grid and assignee come from the first two; the old sequence is measured beside it below)',
  },
  transition: {
    name: 'transition',
    label: 'one transition (startIssue)',
    document: START_ISSUE,
    claims: supervisor,
    levels: 3,
    levelsExplained: 'read the issue; the conditional write; the payload\'s assignee',
  },
  complianceReport: {
    name: 'complianceReport',
    label: 'complianceReport, 300 stations',
    document: COMPLIANCE_REPORT,
    claims: admin300,
    levels: 2,
    levelsExplained: 'the stored report; its 300 stations (3 BatchGetItem of 100, in parallel)',
  },
};

/** The throughput bench's read mix (bench/throughput.ts): what front ends read most. */
export const STATION_READ = `query Station($id: ID!) { station(id: $id) { id name serviceCode grids { code leader { name } } officers { name role } } }`;
export const ISSUES_READ = `query Issues { issues(first: 20) { edges { node { id title status reportedAt grid { code } assignee { name } } } pageInfo { hasNextPage endCursor } } }`;
export const ISSUE_READ = `query Issue($id: ID!) { issue(id: $id) { id title status category history { action at toStatus } } }`;
export const DISTRICT_READ = `query District { district { name timezone policy { minSessionsPerWeek minSessionMinutes } } }`;
/** Public: no token. */
export const LOOKUP_READ = `query Lookup($code: String!) { stationByServiceCode(code: $code) { name address amenities } }`;
