import { defaultDutyPolicy } from '../../../../functions/domain/duty-policy';
import { domainEventSchema } from '../../../../functions/domain/events/domain-event';
import { ISSUE_EVENT_TYPES, issueStepEvent, type IssueFacts } from '../../../../functions/domain/events/issue-events';
import { dutyPolicyEvent } from '../../../../functions/domain/events/policy-events';
import { referenceDataEvent } from '../../../../functions/domain/events/reference-events';

const issue: IssueFacts = {
  districtId: 'dingnan',
  id: 'issue-1',
  version: 3,
  status: 'RESOLVED',
  category: 'DAMAGED_MUNICIPAL_FACILITY',
  priority: 'NORMAL',
  source: 'SERVICE_CODE',
  stationId: 'dn-s-01',
  gridId: 'dn-g-01-1',
  assigneeId: 'dn-o-01-1',
  resolvedOnSite: false,
  reopenCount: 0,
  reportedAt: '2026-11-23T01:00:00.000Z',
  dueAt: '2026-11-26T01:00:00.000Z',
  resolvedAt: '2026-11-23T03:15:42.512Z',
};

describe('domain events', () => {
  test('given an issue resolved at version 3, when its event is built, then it is issue.resolved, sequence 3, at district time, with a stable id', () => {
    const event = issueStepEvent(issue, { action: 'RESOLVE', fromStatus: 'IN_PROGRESS', at: '2026-11-23T03:15:42.512Z', timezone: 'Asia/Shanghai' });

    expect(event).toMatchObject({
      id: 'dingnan.Issue.issue-1.3',
      type: 'issue.resolved',
      version: 1,
      occurredAt: '2026-11-23T11:15:42+08:00',
      subject: { type: 'Issue', id: 'issue-1' },
      sequence: 3,
      data: { fromStatus: 'IN_PROGRESS', status: 'RESOLVED', stationId: 'dn-s-01', assigneeId: 'dn-o-01-1' },
    });
    expect(domainEventSchema.parse(event)).toEqual(event);
    expect(issueStepEvent(issue, { action: 'RESOLVE', fromStatus: 'IN_PROGRESS', at: '2026-11-23T03:15:42.512Z', timezone: 'Asia/Shanghai' })).toEqual(event);
  });

  test('given a 12345 referral resolved, when its event is built, then it carries what the reply to the hotline cites: ticket, status and time', () => {
    const referral = { ...issue, source: 'HOTLINE_12345' as const, hotlineTicket: 'DN2026112900017' };

    const event = issueStepEvent(referral, { action: 'RESOLVE', fromStatus: 'IN_PROGRESS', at: '2026-11-23T03:15:42.512Z', timezone: 'Asia/Shanghai' });

    expect(event.data).toMatchObject({ hotlineTicket: 'DN2026112900017', status: 'RESOLVED', resolvedAt: '2026-11-23T11:15:42+08:00', stationId: 'dn-s-01' });
  });

  test('given every workflow action, when mapped, then each has its own issue event type', () => {
    expect(new Set(Object.values(ISSUE_EVENT_TYPES)).size).toBe(Object.keys(ISSUE_EVENT_TYPES).length);
  });

  test('given an officer whose phone and name changed, when the event is built, then it names the changed fields but carries neither value', () => {
    const before = { id: 'dn-o-01', name: '张三', phone: '13800000000', role: 'ENFORCEMENT', active: true, version: 2, updatedAt: '2026-11-20T00:00:00Z' };
    const after = { ...before, name: '张三丰', phone: '13900000000', version: 3, updatedAt: '2026-11-23T00:00:00Z' };

    const event = referenceDataEvent({ subject: 'Officer', districtId: 'dingnan', timezone: 'Asia/Shanghai', before, after });

    expect(event).toMatchObject({ type: 'officer.updated', sequence: 3, data: { role: 'ENFORCEMENT', active: true, changedFields: ['name', 'phone'] } });
    expect(JSON.stringify(event)).not.toMatch(/张三|138|139/);
  });

  test('given a station created, when the event is built, then it is station.created with its public fields and no changed-field list', () => {
    const after = { id: 'dn-s-01', name: '东门服务站', kind: 'SERVICE_POST', serviceCode: 'dingnan-ST01AV', active: true, amenities: [], version: 1, updatedAt: '2026-11-23T00:00:00Z' };

    const event = referenceDataEvent({ subject: 'Station', districtId: 'dingnan', timezone: 'Asia/Shanghai', after });

    expect(event).toMatchObject({ type: 'station.created', sequence: 1, data: { name: '东门服务站', serviceCode: 'dingnan-ST01AV' } });
    expect(event.data).not.toHaveProperty('changedFields');
  });

  test('given a duty policy at version 5, when its event is built, then it carries the whole policy with the district as subject', () => {
    const event = dutyPolicyEvent({ districtId: 'dingnan', timezone: 'Asia/Shanghai', at: '2026-11-23T00:00:00Z', version: 5, policy: defaultDutyPolicy });

    expect(event).toMatchObject({ id: 'dingnan.DutyPolicy.dingnan.5', type: 'dutyPolicy.updated', subject: { type: 'DutyPolicy', id: 'dingnan' }, data: { policy: defaultDutyPolicy } });
  });
});
