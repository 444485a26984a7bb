import type { DutyPolicy } from '../duty-policy';
import type { IssuePolicy } from '../issues/issue-policy';
import type { DomainEvent } from './domain-event';
import { domainEvent } from './event-envelope';

interface PolicyChange<P> {
  districtId: string;
  timezone: string;
  at: string;
  /** The version after the change. */
  version: number;
  policy: P;
}

/** The district's duty policy changed: the whole policy after the change (rules, no personal data). */
export const dutyPolicyEvent = (change: PolicyChange<DutyPolicy>): DomainEvent =>
  domainEvent({
    type: 'dutyPolicy.updated',
    districtId: change.districtId,
    timezone: change.timezone,
    at: change.at,
    subject: { type: 'DutyPolicy', id: change.districtId },
    sequence: change.version,
    data: { policy: change.policy },
  });

/** The district's issue policy changed: the whole policy after the change. */
export const issuePolicyEvent = (change: PolicyChange<IssuePolicy>): DomainEvent =>
  domainEvent({
    type: 'issuePolicy.updated',
    districtId: change.districtId,
    timezone: change.timezone,
    at: change.at,
    subject: { type: 'IssuePolicy', id: change.districtId },
    sequence: change.version,
    data: { policy: change.policy },
  });

/** The district item itself changed (its name or time zone, through its district file). */
export const districtEvent = (change: { districtId: string; timezone: string; at: string; version: number; name: string }): DomainEvent =>
  domainEvent({
    type: 'district.updated',
    districtId: change.districtId,
    timezone: change.timezone,
    at: change.at,
    subject: { type: 'District', id: change.districtId },
    sequence: change.version,
    data: { name: change.name, timezone: change.timezone },
  });
