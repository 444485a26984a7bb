import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { eventKey, issueKey } from '../../functions/store/issues/issue-keys';
import { parseLoadArgs } from '../../load/load-args';
import type { Ledger } from '../../load/ledger';
import { DISTRICT, startLoadTarget, type LoadTarget } from '../../load/load-target';
import { reportTable } from '../../load/report-table';
import { failuresOf, runLoad, type LoadResult } from '../../load/run-load';
import { verifyStore } from '../../load/verify-store';

jest.setTimeout(600_000);

/**
 * `npm run load` at a tiny size, so the load script and its checker are themselves tested. The
 * run is bounded by a number of requests, not seconds: a busy machine does the same work, slower.
 */
let target: LoadTarget;
let result: LoadResult;
let ledger: Ledger;

beforeAll(async () => {
  target = await startLoadTarget();
  ({ result, ledger } = await runLoad(target, { durationSeconds: 3, connections: 5, requests: 120, timeoutSeconds: 120 }));
});
afterAll(() => target?.stop());

describe('the load script', () => {
  test('given the local stack, when 5 connections send 120 requests, then nothing failed, nothing acknowledged was lost and every history matches', () => {
    expect(result.failures).toEqual([]);
    expect(result.requests).toBe(120);
    expect(result.check.reportsAcknowledged).toBeGreaterThan(0);
    expect(result.check.stepsAcknowledged).toBeGreaterThan(0);
    expect(result.check.reportsFound).toBe(result.check.reportsAcknowledged);
    expect(result.check.stepsFound).toBe(result.check.stepsAcknowledged);
    expect(Object.keys(result.sent)).toEqual(expect.arrayContaining(['stations', 'issues', 'staffReport', 'publicReport', 'START']));
    expect(reportTable(result)).toMatch(/^result\s+PASS$/m);
  });

  test('given an acknowledged step whose event is then deleted, when the store is checked, then the lost step and the broken history are reported', async () => {
    const victim = ledger.all().find((issue) => issue.steps.length > 0)!;
    const step = victim.steps[0]!;
    await target.store.doc.send(new DeleteCommand({ TableName: target.store.tableName, Key: eventKey(DISTRICT, victim.id, step.version + victim.firstEvents - 1) }));

    const check = await verifyStore(target.store, DISTRICT, ledger);

    expect(check.stepsFound).toBeLessThan(check.stepsAcknowledged);
    expect(check.inconsistentIssues).toBeGreaterThanOrEqual(1);
    expect(check.problems.join('\n')).toContain(`lost step: ${step.action} of issue ${victim.id}`);
    expect(failuresOf({ ...result, check })).toEqual(expect.arrayContaining([expect.stringMatching(/acknowledged steps lost/), expect.stringMatching(/history does not match/)]));
  });

  test('given an acknowledged report then deleted, when the store is checked, then it is reported lost', async () => {
    const victim = ledger.all().find((issue) => issue.steps.length === 0) ?? ledger.all()[0]!;
    await target.store.doc.send(new DeleteCommand({ TableName: target.store.tableName, Key: issueKey(DISTRICT, victim.id) }));

    const check = await verifyStore(target.store, DISTRICT, ledger);

    expect(check.reportsFound).toBe(check.reportsAcknowledged - 1);
    expect(check.problems.join('\n')).toContain(`lost report: issue ${victim.id}`);
  });

  test('given the flags, when parsed, then the defaults are 50 connections for 60 s and nonsense is refused', () => {
    expect(parseLoadArgs([])).toEqual({ durationSeconds: 60, connections: 50 });
    expect(parseLoadArgs(['--duration', '3', '--connections', '5'])).toEqual({ durationSeconds: 3, connections: 5 });
    expect(() => parseLoadArgs(['--connections', '0'])).toThrow(/--connections must be a whole number/);
    expect(() => parseLoadArgs(['--rate', '5'])).toThrow();
  });
});
