/** GraphQL documents the issue tests share. */
export const ISSUE_FIELDS = `id title description category source priority status location { lat lng } address photoUrls reporterContact
  grid { id } station { id } assignee { id } routingNote reportedAt dispatchDueAt dueAt overdue resolvedAt closedAt resolvedOnSite
  transferredTo duplicateOf { id } confirmations reopenCount satisfaction version
  history { actor action fromStatus toStatus note at }`;

export const REPORT = `mutation Report($input: ReportIssueInput!) {
  reportIssue(input: $input) { issue { ${ISSUE_FIELDS} } possibleDuplicates { id description history { action } } }
}`;

export const ISSUE = `query Issue($id: ID!) { issue(id: $id) { ${ISSUE_FIELDS} } }`;

export const step = (mutation: string, extraArgs = '', extraParams = '') =>
  `mutation Step($id: ID!, $expectedVersion: Int${extraParams}) { ${mutation}(id: $id, expectedVersion: $expectedVersion${extraArgs}) { ${ISSUE_FIELDS} } }`;

export const START = step('startIssue');
export const RESOLVE = step('resolveIssue', ', note: $note, resolvedOnSite: $resolvedOnSite', ', $note: String, $resolvedOnSite: Boolean');
export const ASSIGN = step('assignIssue', ', assigneeId: $assigneeId', ', $assigneeId: ID!');
export const TRANSFER = step('transferIssue', ', department: $department', ', $department: String!');
export const CLOSE = step('closeIssue', ', satisfaction: $satisfaction', ', $satisfaction: Satisfaction');
export const REOPEN = step('reopenIssue', ', note: $note', ', $note: String!');
export const REJECT = step('rejectIssue', ', reason: $reason, duplicateOf: $duplicateOf', ', $reason: String!, $duplicateOf: ID');

/** A point inside grid DN-01-1 (dn-g-01-1, led by dn-o-01-1, station dn-s-01) of the Dingnan seed. */
export const INSIDE_DN_01_1 = { lat: 24.7755, lng: 115.0227 };
/** Far from every Dingnan grid. */
export const OUTSIDE_EVERY_GRID = { lat: 24.9, lng: 115.3 };
