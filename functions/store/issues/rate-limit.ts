import { randomUUID } from 'node:crypto';
import type { PublicLimits } from '../../domain/issues/issue-policy';
import { RateLimitedError } from '../../shared/errors';
import type { Store } from '../client';
import { shardOf } from '../shard';
import { updateExpression } from '../query';
import type { GuardedWrite } from '../transact';

/** What a public call is counted against. */
export type RateLimitSubject =
  | { kind: 'SERVICE_CODE'; code: string }
  | { kind: 'CLIENT_ADDRESS'; address: string }
  | { kind: 'ADDRESS_AND_CODE'; address: string; code: string };

const counterOf = (subject: RateLimitSubject): string => {
  switch (subject.kind) {
    case 'SERVICE_CODE':
      return subject.code;
    case 'CLIENT_ADDRESS':
      return subject.address;
    case 'ADDRESS_AND_CODE':
      return `${subject.address}#${subject.code}`;
  }
};

const describe = (subject: RateLimitSubject): string => {
  switch (subject.kind) {
    case 'SERVICE_CODE':
      return `Too many reports through service code ${subject.code} right now`;
    case 'CLIENT_ADDRESS':
      return 'Too many public calls from this address';
    case 'ADDRESS_AND_CODE':
      return `Too many public calls from this address through service code ${subject.code}`;
  }
};

/**
 * A fixed one-minute window counter for public calls, written in the same transaction as the
 * call it guards: a call over the limit fails the whole transaction, so nothing of it is stored.
 * Counters expire after an hour (table TTL).
 *
 * `shard` splits one subject's counter over several items (the service code's, which every
 * resident of a busy station shares: one item would take most of a storm's reports at once, and
 * concurrent transactions on one item conflict; docs/scale.md). Each shard then counts up to its
 * share of the limit, so the subject's total stays at or under the limit rounded up to a
 * multiple of the shard count.
 */
export function publicRateLimit(
  store: Store,
  districtId: string,
  subject: RateLimitSubject,
  limitPerMinute: number,
  now: Date,
  shard: { index: number; of: number } = { index: 0, of: 1 },
): GuardedWrite {
  const minute = now.toISOString().slice(0, 16);
  const shardLimit = Math.ceil(limitPerMinute / shard.of);
  return {
    item: {
      Update: {
        TableName: store.tableName,
        Key: { PK: `D#${districtId}#RATE#${subject.kind}#${counterOf(subject)}`, SK: `MINUTE#${minute}${shard.of > 1 ? `#${shard.index}` : ''}` },
        ...updateExpression(
          { add: { count: 1 }, set: { expiresAt: Math.floor(now.getTime() / 1000) + 3600 } },
          { expression: 'attribute_not_exists(#count) OR #count < :limit', names: { '#count': 'count' }, values: { ':limit': shardLimit } },
        ),
      },
    },
    onConditionFailed: (options) =>
      new RateLimitedError(`${describe(subject)}: at most ${limitPerMinute} a minute`, 60 - now.getUTCSeconds(), options),
  };
}

/**
 * Shards of a service code's counter: a storm's reports on one station stay under a conflict a
 * second per shard (docs/scale.md). A limit under 50 a minute keeps one counter, exact; a shard counts at least 25.
 */
const serviceCodeShards = (limitPerMinute: number): number => Math.min(8, Math.max(1, Math.floor(limitPerMinute / 25)));

/** An anonymous call through a service code, and the district's limits on such calls. */
export interface PublicCall {
  serviceCode: string;
  /** The client's address, when the gateway gave one. */
  clientAddress?: string;
  limits: PublicLimits;
  at: Date;
}

/**
 * The limits of one anonymous call: the per-code ceiling and, when the gateway gave an address,
 * that address's budgets overall and through this code. All commit with the call or refuse it.
 */
export function publicCallLimits(store: Store, districtId: string, call: PublicCall): GuardedWrite[] {
  const { serviceCode: code, clientAddress: address, limits, at } = call;
  return [
    publicRateLimit(store, districtId, { kind: 'SERVICE_CODE', code }, limits.perCode, at, {
      index: shardOf(address ?? randomUUID(), serviceCodeShards(limits.perCode)),
      of: serviceCodeShards(limits.perCode),
    }),
    ...(address
      ? [
          publicRateLimit(store, districtId, { kind: 'ADDRESS_AND_CODE', address, code }, limits.perAddressAndCode, at),
          publicRateLimit(store, districtId, { kind: 'CLIENT_ADDRESS', address }, limits.perAddress, at),
        ]
      : []),
  ];
}
