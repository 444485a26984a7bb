import { RateLimitedError } from '../../shared/errors';
import type { Store } from '../client';
import { updateExpression } from '../query';
import type { GuardedWrite } from '../transact';

/** What a public call is counted against. */
export type RateLimitSubject = { kind: 'SERVICE_CODE'; value: string } | { kind: 'CLIENT_ADDRESS'; value: string };

const describe = (subject: RateLimitSubject) =>
  subject.kind === 'SERVICE_CODE' ? `through service code ${subject.value}` : 'from this address';

/**
 * A fixed one-minute window counter for public calls, written in the same transaction as the
 * call it guards: a call over the limit fails the whole transaction, so nothing of it is stored.
 * Counters expire after an hour (table TTL).
 */
export function publicRateLimit(store: Store, districtId: string, subject: RateLimitSubject, limitPerMinute: number, now: Date): GuardedWrite {
  const minute = now.toISOString().slice(0, 16);
  return {
    item: {
      Update: {
        TableName: store.tableName,
        Key: { PK: `D#${districtId}#RATE#${subject.kind}#${subject.value}`, SK: `MINUTE#${minute}` },
        ...updateExpression(
          { add: { count: 1 }, set: { expiresAt: Math.floor(now.getTime() / 1000) + 3600 } },
          { expression: 'attribute_not_exists(#count) OR #count < :limit', names: { '#count': 'count' }, values: { ':limit': limitPerMinute } },
        ),
      },
    },
    onConditionFailed: (options) =>
      new RateLimitedError(`Too many public calls ${describe(subject)}: at most ${limitPerMinute} a minute`, 60 - now.getUTCSeconds(), options),
  };
}

/** An anonymous call through a service code, and the district's limits on such calls. */
export interface PublicCall {
  serviceCode: string;
  /** The client's address, when the gateway gave one. */
  clientAddress?: string;
  limits: { perCode: number; perAddress: number };
  at: Date;
}

/** The limits of one anonymous call: per service code and, when the gateway gave one, per client address. */
export function publicCallLimits(store: Store, districtId: string, call: PublicCall): GuardedWrite[] {
  return [
    publicRateLimit(store, districtId, { kind: 'SERVICE_CODE', value: call.serviceCode }, call.limits.perCode, call.at),
    ...(call.clientAddress ? [publicRateLimit(store, districtId, { kind: 'CLIENT_ADDRESS', value: call.clientAddress }, call.limits.perAddress, call.at)] : []),
  ];
}
