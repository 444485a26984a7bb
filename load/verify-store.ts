import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../functions/store/client';
import { indexPartition, issuePartition, issuePartitionPrefix } from '../functions/store/issues/issue-keys';
import type { IssueEventRecord, IssueRecord } from '../functions/store/issues/issue-record';
import type { Ledger } from './ledger';

/** What the store holds after the load, against what the API acknowledged during it. */
export interface StoreCheck {
  issuesInStore: number;
  reportsAcknowledged: number;
  reportsFound: number;
  stepsAcknowledged: number;
  stepsFound: number;
  /** Issues whose stored history does not add up to their stored state. */
  inconsistentIssues: number;
  /** The first few problems, for the report. */
  problems: string[];
}

const PROBLEMS_KEPT = 10;
const CONCURRENT_READS = 16;

/**
 * Reads every issue of the district from the table (the district timeline index, then each
 * issue's partition with a consistent read) and checks:
 * - no lost write: every acknowledged report is stored, and every acknowledged step is the event
 *   its answer's version says it is (event number version + first events − 1);
 * - every history matches its issue: as many events as `eventCount`; `eventCount − version` is
 *   the report's own extra first event (0, or 1 when routing dispatched it or a patrol resolved it
 *   on the spot); the events chain (each starts where the previous ended) and end at `status`.
 */
export async function verifyStore(store: Store, districtId: string, ledger: Ledger): Promise<StoreCheck> {
  const ids = new Set([...(await issueIdsOf(store, districtId)), ...ledger.all().map((issue) => issue.id)]);
  const check: StoreCheck = {
    issuesInStore: 0,
    reportsAcknowledged: ledger.reports,
    reportsFound: 0,
    stepsAcknowledged: ledger.steps,
    stepsFound: 0,
    inconsistentIssues: 0,
    problems: [],
  };
  const problem = (text: string) => void (check.problems.length < PROBLEMS_KEPT && check.problems.push(text));
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      const { issue, events } = await readIssue(store, districtId, id);
      const acknowledged = ledger.get(id);
      if (!issue) {
        if (acknowledged) problem(`lost report: issue ${id} was acknowledged but is not stored`);
        continue;
      }
      check.issuesInStore += 1;
      const inconsistency = historyProblem(issue, events);
      if (inconsistency) {
        check.inconsistentIssues += 1;
        problem(`issue ${id}: ${inconsistency}`);
      }
      if (!acknowledged) continue;
      check.reportsFound += 1;
      for (const step of acknowledged.steps) {
        const event = events[step.version + acknowledged.firstEvents - 2];
        if (event?.action === step.action && event.toStatus === step.toStatus) check.stepsFound += 1;
        else problem(`lost step: ${step.action} of issue ${id} to version ${step.version} was acknowledged; the history has ${event ? `${event.action} → ${event.toStatus}` : 'nothing'} there`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_READS }, worker));
  return check;
}

/** Why an issue's history does not match its state, or undefined when it does. */
export function historyProblem(issue: IssueRecord, events: IssueEventRecord[]): string | undefined {
  if (events.length !== issue.eventCount) return `${events.length} events stored, eventCount says ${issue.eventCount}`;
  const [first, second] = events;
  if (first?.action !== 'REPORT' || first.fromStatus !== undefined) return 'the first event is not the report';
  const reportedTwice = second !== undefined && (second.actor === 'routing' || (second.action === 'RESOLVE' && second.fromStatus === 'REPORTED'));
  if (issue.eventCount - issue.version !== (reportedTwice ? 1 : 0)) return `version ${issue.version} does not match ${issue.eventCount} events`;
  const broken = events.findIndex((event, index) => index > 0 && event.fromStatus !== events[index - 1]!.toStatus);
  if (broken > 0) return `event ${broken + 1} starts at ${events[broken]!.fromStatus}, the one before ended at ${events[broken - 1]!.toStatus}`;
  if (events.at(-1)!.toStatus !== issue.status) return `the history ends at ${events.at(-1)!.toStatus}, the issue is ${issue.status}`;
  return undefined;
}

async function issueIdsOf(store: Store, districtId: string): Promise<string[]> {
  const ids: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': indexPartition.timeline(districtId) },
        // The index projects keys and filter attributes only (functions/store/table-definition.ts): the id is read from the table key.
        ProjectionExpression: 'PK',
        ExclusiveStartKey: startKey,
      }),
    );
    ids.push(...(page.Items ?? []).map((item) => (item.PK as string).slice(issuePartitionPrefix(districtId).length)));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return ids;
}

async function readIssue(store: Store, districtId: string, id: string): Promise<{ issue?: IssueRecord; events: IssueEventRecord[] }> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': issuePartition(districtId, id) },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return {
    issue: items.find((item) => item.SK === 'ISSUE') as IssueRecord | undefined,
    events: items.filter((item) => String(item.SK).startsWith('EVENT#')) as unknown as IssueEventRecord[],
  };
}
