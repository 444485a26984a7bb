import { batchWrite } from './batch-write';
import type { Store } from './client';
import { queryConnection, type Connection } from './connection';

/** Audit records are kept as long as the logs: 180 days (China's Cybersecurity Law asks at least six months). */
export const AUDIT_RETENTION_DAYS = 180;

/** One audited access: who did what to which entity, when, in which request. */
export interface AuditEntry {
  districtId: string;
  /** The entity read or written: its GraphQL type and id. */
  entityType: string;
  entityId: string;
  /** READ of personal data, or WRITE by an ADMIN. */
  action: 'READ' | 'WRITE';
  /** The personal data read (OFFICER_PHONE…) or the operation written (createStation…). */
  what: string;
  /** The caller's subject (the token's `sub`). */
  who: string;
  at: string;
  requestId: string;
}

export type StoredAuditRecord = AuditEntry & { PK: string; SK: string; type: 'AUDIT'; id: string; expiresAt: number };

/** One partition per audited entity, so its trail is one Query, newest first. */
export const auditPartition = (districtId: string, entityType: string, entityId: string): string => `D#${districtId}#AUDIT#${entityType}#${entityId}`;

/**
 * The audit trail: items of the district table, one partition per entity, sorted by time,
 * each deleted by TTL after AUDIT_RETENTION_DAYS (kept with the logs). Written with plain puts:
 * each record's key is unique (time, request and a sequence), so a retried write is the same record.
 */
export class AuditRepository {
  constructor(private readonly store: Store) {}

  recordOf(entry: AuditEntry, sequence: number): StoredAuditRecord {
    const sk = `${entry.at}#${entry.requestId}#${String(sequence).padStart(4, '0')}`;
    return {
      ...entry,
      PK: auditPartition(entry.districtId, entry.entityType, entry.entityId),
      SK: sk,
      type: 'AUDIT',
      id: `${entry.entityType}:${entry.entityId}:${sk}`,
      expiresAt: Math.floor(Date.parse(entry.at) / 1000) + AUDIT_RETENTION_DAYS * 86_400,
    };
  }

  async record(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await batchWrite(this.store, { puts: entries.map((entry, index): Record<string, unknown> => ({ ...this.recordOf(entry, index) })) });
  }

  /** One page of an entity's trail, newest first. */
  page(districtId: string, entityType: string, entityId: string, first: number, after: string | null | undefined): Promise<Connection<StoredAuditRecord>> {
    const partition = auditPartition(districtId, entityType, entityId);
    return queryConnection<StoredAuditRecord>(this.store, {
      districtId,
      list: 'AUDIT',
      keyNames: ['PK', 'SK'],
      range: { partition: { name: 'PK', value: partition }, descending: true },
      first,
      after,
    });
  }
}
