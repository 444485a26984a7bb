import { nextStatus, type WorkflowAction } from '../../../../functions/domain/issues/workflow';
import type { IssueStatus } from '../../../../functions/domain/vocabulary';
import { ConflictError } from '../../../../functions/shared/errors';

const ALL: IssueStatus[] = ['REPORTED', 'ASSIGNED', 'IN_PROGRESS', 'TRANSFERRED', 'RESOLVED', 'CLOSED', 'REJECTED'];
const allowed: Record<WorkflowAction, Partial<Record<IssueStatus, IssueStatus>>> = {
  ASSIGN: { REPORTED: 'ASSIGNED', ASSIGNED: 'ASSIGNED' },
  START: { ASSIGNED: 'IN_PROGRESS' },
  RESOLVE: { IN_PROGRESS: 'RESOLVED', TRANSFERRED: 'RESOLVED' },
  TRANSFER: { REPORTED: 'TRANSFERRED', ASSIGNED: 'TRANSFERRED', IN_PROGRESS: 'TRANSFERRED' },
  CLOSE: { RESOLVED: 'CLOSED' },
  REOPEN: { CLOSED: 'IN_PROGRESS' },
  REJECT: { REPORTED: 'REJECTED', ASSIGNED: 'REJECTED' },
};

describe('issue workflow (docs/domain.md, Issue workflow)', () => {
  const cases = (Object.keys(allowed) as WorkflowAction[]).flatMap((action) => ALL.map((from) => [action, from, allowed[action][from]] as const));

  test.each(cases)('given %s from %s, when the step is checked, then it leads to %s or is a CONFLICT', (action, from, to) => {
    if (to) expect(nextStatus(action, from)).toBe(to);
    else expect(() => nextStatus(action, from)).toThrow(ConflictError);
  });

  test('given a closed or rejected issue, when anything but reopen is tried, then only reopen of CLOSED is allowed', () => {
    const leaving = (from: IssueStatus) => (Object.keys(allowed) as WorkflowAction[]).filter((action) => allowed[action][from]);
    expect(leaving('CLOSED')).toEqual(['REOPEN']);
    expect(leaving('REJECTED')).toEqual([]);
  });
});
