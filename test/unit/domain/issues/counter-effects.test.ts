import { counterEffects, type CountedFacts } from '../../../../functions/domain/issues/counter-effects';

const reported: CountedFacts = {
  source: 'SERVICE_CODE',
  status: 'REPORTED',
  reportedAt: '2026-11-20T00:00:00.000Z',
  dispatchDueAt: '2026-11-21T00:00:00.000Z',
  dueAt: '2026-11-23T00:00:00.000Z',
  resolvedOnSite: false,
};

describe('counter effects', () => {
  test('given a new resident report, when counted, then it is received and resident-reported', () => {
    expect(counterEffects(undefined, reported, 'REPORT')).toEqual({ increments: { received: 1, residentReported: 1 } });
  });

  test('given a patrol find resolved on the spot, when counted, then it is found, dispatched on time, resolved on site in 0 minutes', () => {
    const facts: CountedFacts = { ...reported, source: 'PATROL', status: 'RESOLVED', resolvedOnSite: true, dispatchedAt: reported.reportedAt, firstResolvedAt: reported.reportedAt };
    expect(counterEffects(undefined, facts, 'REPORT')).toEqual({
      increments: { received: 1, patrolFound: 1, dispatchedOnTime: 1, resolved: 1, resolvedOnSite: 1 },
      minutesToResolve: 0,
    });
  });

  test('given a late dispatch, when counted, then it is not a timely response', () => {
    const assigned = { ...reported, status: 'ASSIGNED' as const, dispatchedAt: '2026-11-21T00:00:01.000Z' };
    expect(counterEffects(reported, assigned, 'ASSIGN')).toEqual({ increments: {} });
  });

  test('given a second resolution after rework, when counted, then nothing is counted twice', () => {
    const resolvedOnce = { ...reported, status: 'IN_PROGRESS' as const, firstResolvedAt: '2026-11-20T01:00:00.000Z', firstClosedAt: '2026-11-20T02:00:00.000Z', satisfaction: 'SATISFIED' as const };
    expect(counterEffects(resolvedOnce, { ...resolvedOnce, status: 'RESOLVED' }, 'RESOLVE')).toEqual({ increments: {} });
  });

  test('given a closure after the due time with a changed rating, when counted, then closed but not on time, and the rating moves', () => {
    const before = { ...reported, status: 'RESOLVED' as const, satisfaction: 'DISSATISFIED' as const };
    const after = { ...before, status: 'CLOSED' as const, firstClosedAt: '2026-11-24T00:00:00.000Z', satisfaction: 'BASICALLY_SATISFIED' as const };
    expect(counterEffects(before, after, 'CLOSE')).toEqual({ increments: { closed: 1, dissatisfied: -1, basicallySatisfied: 1 } });
  });

  test('given a duplicate dispatched on time, when it is rejected before work starts, then it is rejected and no longer a timely dispatch', () => {
    const assigned = { ...reported, status: 'ASSIGNED' as const, dispatchedAt: reported.reportedAt };
    expect(counterEffects(reported, assigned, 'ASSIGN').increments).toEqual({ dispatchedOnTime: 1 });
    expect(counterEffects(assigned, { ...assigned, status: 'REJECTED' }, 'REJECT').increments).toEqual({ rejected: 1, dispatchedOnTime: -1 });
  });

  test('given a reopen and a rejection, when counted, then rework and rejection are counted', () => {
    expect(counterEffects({ ...reported, status: 'CLOSED' }, { ...reported, status: 'IN_PROGRESS' }, 'REOPEN').increments).toEqual({ reopened: 1 });
    expect(counterEffects(reported, { ...reported, status: 'REJECTED' }, 'REJECT').increments).toEqual({ rejected: 1 });
  });
});
