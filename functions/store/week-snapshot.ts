import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import type { DomainEvent } from '../domain/events/domain-event';
import { ConflictError } from '../shared/errors';
import { batchWrite } from './batch-write';
import type { Store } from './client';
import { outboxWrite } from './outbox';
import { partitionPrefix, queryAll } from './query';
import { transactWrite } from './transact';

/**
 * A computed result stored as a header item and many item rows (a week's roster, a week's
 * compliance report), replaced as a whole without ever showing a mix of two results:
 *
 *   `<header>`                          the header: `generation`, `version`, summary fields
 *   `<header>#<generation>#<key>`       the rows of one generation
 *
 * Readers take the rows of the header's generation only. A replacement writes the new rows
 * (idempotent puts: the generation is a hash of the content), flips the header with a
 * condition on the version it read (with the snapshot's event, in one transaction), then deletes the rows of other generations. A run that
 * crashes half-way leaves rows nobody reads; the next run rewrites the same rows, flips the
 * header, and clears them: the same stored result, no duplicates.
 */
export interface SnapshotHeader {
  PK: string;
  SK: string;
  generation: string;
  version: number;
}

export interface SnapshotLocation {
  partition: string;
  header: string;
}

export type SnapshotOutcome = 'CREATED' | 'REPLACED' | 'UNCHANGED';

/** A short content hash: the same content always gets the same generation. */
export const generationOf = (content: unknown): string => createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);

const rowPrefix = (location: SnapshotLocation, generation?: string) => `${location.header}#${generation === undefined ? '' : `${generation}#`}`;

export async function readHeader<H extends SnapshotHeader>(store: Store, location: SnapshotLocation): Promise<H | undefined> {
  const output = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: { PK: location.partition, SK: location.header }, ConsistentRead: true }),
  );
  return output.Item as H | undefined;
}

/** The header and the rows of its generation: one Query (header and rows share the sort-key prefix). */
export async function readSnapshot<H extends SnapshotHeader, R>(store: Store, location: SnapshotLocation): Promise<{ header: H; rows: R[] } | undefined> {
  const items = await queryAll<Record<string, unknown> & { SK: string }>(store, partitionPrefix(location.partition, location.header));
  const header = items.find((item) => item.SK === location.header) as H | undefined;
  if (!header) return undefined;
  const current = rowPrefix(location, header.generation);
  return { header, rows: items.filter((item) => item.SK.startsWith(current)) as R[] };
}

/**
 * Stores `rows` (each under its `key`) and `header` as the new snapshot. `current` is the
 * header read before deciding to write; a concurrent replacement since then is CONFLICT.
 * Content equal to the stored snapshot's writes nothing but the clean-up.
 */
export async function replaceSnapshot<H extends SnapshotHeader>(
  store: Store,
  location: SnapshotLocation,
  current: H | undefined,
  next: {
    generation: string;
    header: Omit<H, 'PK' | 'SK' | 'generation' | 'version'>;
    rows: { key: string; item: Record<string, unknown> }[];
    /** The event of the new snapshot, written to the outbox in the header flip's transaction. */
    announce?: (header: H) => Promise<DomainEvent>;
  },
): Promise<{ outcome: SnapshotOutcome; header: H }> {
  if (current && current.generation === next.generation) {
    await removeOtherGenerations(store, location, current.generation);
    return { outcome: 'UNCHANGED', header: current };
  }
  const prefix = rowPrefix(location, next.generation);
  await batchWrite(store, {
    puts: next.rows.map((row) => ({ ...row.item, PK: location.partition, SK: `${prefix}${row.key}`, generation: next.generation })),
  });
  const header = { ...next.header, PK: location.partition, SK: location.header, generation: next.generation, version: (current?.version ?? 0) + 1 } as H;
  const announced = next.announce ? [outboxWrite(store, await next.announce(header))] : [];
  await transactWrite(store, [
    {
      item: {
        Put: {
          TableName: store.tableName,
          Item: header,
          ...(current
            ? { ConditionExpression: 'version = :readVersion', ExpressionAttributeValues: { ':readVersion': current.version } }
            : { ConditionExpression: 'attribute_not_exists(PK)' }),
        },
      },
      onConditionFailed: (options) => new ConflictError(`${location.header} of ${location.partition} was replaced concurrently; run it again`, options),
    },
    ...announced,
  ]);
  await removeOtherGenerations(store, location, next.generation);
  return { outcome: current ? 'REPLACED' : 'CREATED', header };
}

async function removeOtherGenerations(store: Store, location: SnapshotLocation, generation: string): Promise<void> {
  const keep = rowPrefix(location, generation);
  const rows = await queryAll<{ PK: string; SK: string }>(store, partitionPrefix(location.partition, rowPrefix(location)));
  const stale = rows.filter((row) => !row.SK.startsWith(keep)).map((row) => ({ PK: row.PK, SK: row.SK }));
  if (stale.length > 0) await batchWrite(store, { deletes: stale });
}
