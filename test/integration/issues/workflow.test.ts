import { callGraphql, claimsFor, codesOf, loadHandler } from '../../support/graphql-handler';
import { ASSIGN, CLOSE, INSIDE_DN_01_1, ISSUE, OUTSIDE_EVERY_GRID, REJECT, REOPEN, REPORT, RESOLVE, START, TRANSFER } from '../../support/issue-operations';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const leader = claimsFor('dingnan', 'OFFICER', 'dn-o-01-1');
const otherOfficer = claimsFor('dingnan', 'OFFICER', 'dn-o-02-2');

let store: TestStore;
let handler: Awaited<ReturnType<typeof loadHandler>>;

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, 'dingnan');
  handler = await loadHandler(store);
});
afterAll(() => store.drop());

async function report(input: Record<string, unknown>, claims = supervisor) {
  const response = await callGraphql(handler, REPORT, {
    variables: { input: { category: 'DAMAGED_MUNICIPAL_FACILITY', description: '井盖破损', source: 'WALK_IN', location: INSIDE_DN_01_1, ...input } },
    claims,
  });
  expect(response.errors).toBeUndefined();
  return response.data!.reportIssue.issue;
}

async function run(document: string, variables: Record<string, unknown>, claims: Record<string, string>) {
  return callGraphql(handler, document, { variables, claims });
}

const read = async (id: string) => (await run(ISSUE, { id }, admin)).data!.issue;

describe('issue workflow', () => {
  test('given a routed resident report, when it is started, resolved and closed with a satisfaction, then each step is in the history', async () => {
    const issue = await report({});

    const started = await run(START, { id: issue.id, expectedVersion: 1 }, leader);
    const resolved = await run(RESOLVE, { id: issue.id, note: '已更换井盖' }, leader);
    const closed = await run(CLOSE, { id: issue.id, satisfaction: 'SATISFIED' }, supervisor);

    expect([started, resolved, closed].flatMap(codesOf)).toEqual([]);
    expect(closed.data!.closeIssue).toMatchObject({ status: 'CLOSED', satisfaction: 'SATISFIED', version: 4 });
    expect(closed.data!.closeIssue.resolvedAt).not.toBeNull();
    expect(closed.data!.closeIssue.history.map((event: any) => `${event.action}:${event.fromStatus}->${event.toStatus}`)).toEqual([
      'REPORT:null->REPORTED',
      'ASSIGN:REPORTED->ASSIGNED',
      'START:ASSIGNED->IN_PROGRESS',
      'RESOLVE:IN_PROGRESS->RESOLVED',
      'CLOSE:RESOLVED->CLOSED',
    ]);
    expect(closed.data!.closeIssue.history[3].note).toBe('已更换井盖');
  });

  test('given a closed issue, when it is reopened and handled again, then the rework is counted and it can close again', async () => {
    const issue = await report({ source: 'PATROL' });
    for (const [document, variables, claims] of [
      [START, {}, leader],
      [RESOLVE, {}, leader],
      [CLOSE, {}, supervisor],
      [REOPEN, { note: '复查仍有问题' }, supervisor],
      [RESOLVE, {}, leader],
      [CLOSE, {}, supervisor],
    ] as const) {
      expect(codesOf(await run(document, { id: issue.id, ...variables }, claims))).toEqual([]);
    }

    const final = await read(issue.id);
    expect(final).toMatchObject({ status: 'CLOSED', reopenCount: 1, version: 7 });
    expect(final.history.map((event: any) => event.action)).toEqual(['REPORT', 'ASSIGN', 'START', 'RESOLVE', 'CLOSE', 'REOPEN', 'RESOLVE', 'CLOSE']);
  });

  test('given an issue for another department, when it is transferred and the department answers, then it is RESOLVED with the department named', async () => {
    const issue = await report({});

    const transferred = await run(TRANSFER, { id: issue.id, department: '县供电公司' }, leader);
    const answered = await run(RESOLVE, { id: issue.id, note: '供电公司已处理' }, supervisor);

    expect(transferred.data!.transferIssue).toMatchObject({ status: 'TRANSFERRED', transferredTo: '县供电公司' });
    expect(answered.data!.resolveIssue).toMatchObject({ status: 'RESOLVED', transferredTo: '县供电公司' });
  });

  test('given an unrouted report, when a supervisor dispatches it, then it is ASSIGNED to that officer', async () => {
    const issue = await report({ location: OUTSIDE_EVERY_GRID });

    const response = await run(ASSIGN, { id: issue.id, assigneeId: 'dn-o-05-2' }, supervisor);

    expect(response.data!.assignIssue).toMatchObject({ status: 'ASSIGNED', assignee: { id: 'dn-o-05-2' } });
  });

  test('given a report that repeats another, when it is rejected as a duplicate, then it is REJECTED pointing at the original', async () => {
    const original = await report({});
    const repeat = await report({ location: OUTSIDE_EVERY_GRID });

    const response = await run(REJECT, { id: repeat.id, reason: '重复上报', duplicateOf: original.id }, supervisor);

    expect(response.data!.rejectIssue).toMatchObject({ status: 'REJECTED', duplicateOf: { id: original.id } });
    expect(response.data!.rejectIssue.history.at(-1)).toMatchObject({ action: 'REJECT', note: '重复上报' });
  });

  test('given a located duplicate dispatched at once, when it is rejected before work starts, then REJECTED; once work started, CONFLICT', async () => {
    const original = await report({});
    const repeat = await report({});
    const started = await report({});
    await run(START, { id: started.id }, leader);

    const rejected = await run(REJECT, { id: repeat.id, reason: '重复上报', duplicateOf: original.id }, supervisor);
    const tooLate = await run(REJECT, { id: started.id, reason: '重复上报' }, supervisor);

    expect(repeat.status).toBe('ASSIGNED');
    expect(rejected.data!.rejectIssue).toMatchObject({ status: 'REJECTED', duplicateOf: { id: original.id } });
    expect(rejected.data!.rejectIssue.history.map((event: { action: string }) => event.action)).toEqual(['REPORT', 'ASSIGN', 'REJECT']);
    expect(codesOf(tooLate)).toEqual(['CONFLICT']);
    expect((await read(started.id)).status).toBe('IN_PROGRESS');
  });

  test('given steps the workflow does not allow, when they are tried, then CONFLICT and the issue is unchanged', async () => {
    const issue = await report({});
    const before = await read(issue.id);

    const responses = [
      await run(CLOSE, { id: issue.id, satisfaction: 'SATISFIED' }, supervisor),
      await run(RESOLVE, { id: issue.id }, leader),
      await run(REOPEN, { id: issue.id, note: 'x' }, supervisor),
    ];

    expect(responses.map(codesOf)).toEqual([['CONFLICT'], ['CONFLICT'], ['CONFLICT']]);
    expect(await read(issue.id)).toEqual(before);
  });

  test('given a stale expectedVersion, when a step is taken, then CONFLICT and nothing changes', async () => {
    const issue = await report({});

    const response = await run(START, { id: issue.id, expectedVersion: 5 }, leader);

    expect(codesOf(response)).toEqual(['CONFLICT']);
    expect((await read(issue.id)).status).toBe('ASSIGNED');
  });

  test('given 20 concurrent start and transfer calls on one issue at version 1, when they race, then exactly one wins and the history is consistent', async () => {
    const issue = await report({});

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        n % 2 === 0
          ? run(START, { id: issue.id, expectedVersion: 1 }, leader)
          : run(TRANSFER, { id: issue.id, expectedVersion: 1, department: `部门${n}` }, supervisor),
      ),
    );

    const winners = responses.filter((response) => !response.errors);
    expect(winners).toHaveLength(1);
    expect(responses.filter((response) => response.errors).flatMap(codesOf).every((code) => code === 'CONFLICT')).toBe(true);
    const final = await read(issue.id);
    expect(final.version).toBe(2);
    expect(final.history).toHaveLength(3);
    expect(final.history.at(-1).toStatus).toBe(final.status);
    expect(final.history.at(-1).fromStatus).toBe('ASSIGNED');
  });

  test('given callers without the right, when they take steps, then FORBIDDEN and nothing changes', async () => {
    const issue = await report({});

    const byOtherOfficer = await run(START, { id: issue.id }, otherOfficer);
    const assignByOfficer = await run(ASSIGN, { id: issue.id, assigneeId: 'dn-o-02-2' }, leader);
    const closeByScheduler = await run(CLOSE, { id: issue.id }, claimsFor('dingnan', 'SCHEDULER'));
    const anonymous = await callGraphql(handler, START, { variables: { id: issue.id } });

    expect([byOtherOfficer, assignByOfficer, closeByScheduler, anonymous].map(codesOf)).toEqual([['FORBIDDEN'], ['FORBIDDEN'], ['FORBIDDEN'], ['UNAUTHENTICATED']]);
    expect((await read(issue.id)).version).toBe(1);
  });

  test('given bad step input, when it is sent, then BAD_USER_INPUT names the field and nothing changes', async () => {
    const issue = await report({});
    await run(START, { id: issue.id }, leader);
    await run(RESOLVE, { id: issue.id }, leader);

    const noSatisfaction = await run(CLOSE, { id: issue.id }, supervisor);
    const longNote = await run(RESOLVE, { id: issue.id, note: 'x'.repeat(1001) }, leader);
    const ghostAssignee = await run(ASSIGN, { id: (await report({ location: OUTSIDE_EVERY_GRID })).id, assigneeId: 'ghost' }, supervisor);
    const unknownDuplicate = await run(REJECT, { id: (await report({ location: OUTSIDE_EVERY_GRID })).id, reason: 'dup', duplicateOf: 'nope' }, supervisor);

    expect(noSatisfaction.errors![0]!.extensions.fields![0]!.path).toBe('satisfaction');
    expect(longNote.errors![0]!.extensions.fields![0]!.path).toBe('note');
    expect(ghostAssignee.errors![0]!.extensions.fields![0]!.path).toBe('assigneeId');
    expect(unknownDuplicate.errors![0]!.extensions.fields![0]!.path).toBe('duplicateOf');
    expect((await read(issue.id)).status).toBe('RESOLVED');
  });

  test('given an unknown issue id, when a step is taken, then NOT_FOUND', async () => {
    expect(codesOf(await run(START, { id: 'no-such-issue' }, supervisor))).toEqual(['NOT_FOUND']);
  });
});
