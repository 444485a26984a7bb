import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ComplianceResult, OfficerDuty, StationVerdict } from '../domain/compliance/types';
import { complianceEvent } from '../domain/events/duty-events';
import type { Store } from './client';
import { districtTimezone } from './district-timezones';
import { COMPLIANCE_HEADER, weekPartition } from './duty-keys';
import { updateExpression } from './query';
import { generationOf, readHeader, readSnapshot, replaceSnapshot, type SnapshotHeader, type SnapshotLocation, type SnapshotOutcome } from './week-snapshot';

export interface ComplianceHeader extends SnapshotHeader {
  districtId: string;
  week: string;
  generatedAt: string;
  stationCount: number;
  compliantCount: number;
  complianceRate: number | null;
  /** The generation whose non-compliance event went out; absent until it did. */
  announcedGeneration?: string;
}

type Row = ({ rowType: 'STATION' } & StationVerdict) | ({ rowType: 'OFFICER' } & OfficerDuty);

export interface StoredComplianceReport {
  header: ComplianceHeader;
  stations: StationVerdict[];
  officers: OfficerDuty[];
}

const location = (districtId: string, week: string): SnapshotLocation => ({ partition: weekPartition(districtId, week), header: COMPLIANCE_HEADER });

const strip = <T extends object>(row: T): T => {
  const { PK: _pk, SK: _sk, generation: _generation, rowType: _rowType, ...rest } = row as T & Record<string, unknown>;
  return rest as T;
};

/**
 * A week's compliance report: a header with the totals and one row per station and per
 * officer, replaced as a whole (week-snapshot.ts), so re-running the same week stores the same
 * report and leaves no rows of an earlier run behind.
 */
export class ComplianceReportRepository {
  constructor(private readonly store: Store) {}

  async read(districtId: string, week: string): Promise<StoredComplianceReport | undefined> {
    const snapshot = await readSnapshot<ComplianceHeader, Row>(this.store, location(districtId, week));
    if (!snapshot) return undefined;
    return {
      header: snapshot.header,
      stations: snapshot.rows.filter((row) => row.rowType === 'STATION').map((row) => strip(row) as StationVerdict),
      officers: snapshot.rows.filter((row) => row.rowType === 'OFFICER').map((row) => strip(row) as OfficerDuty),
    };
  }

  async save(districtId: string, result: ComplianceResult, now: string): Promise<{ outcome: SnapshotOutcome; report: StoredComplianceReport }> {
    const where = location(districtId, result.week);
    const current = await readHeader<ComplianceHeader>(this.store, where);
    const generation = generationOf(result);
    const { outcome, header } = await replaceSnapshot<ComplianceHeader>(this.store, where, current, {
      generation,
      header: {
        districtId,
        week: result.week,
        generatedAt: now,
        stationCount: result.stationCount,
        compliantCount: result.compliantCount,
        complianceRate: result.complianceRate,
      },
      rows: [
        ...result.stations.map((station) => ({ key: `S#${station.stationId}`, item: { rowType: 'STATION', ...station } })),
        ...result.officers.map((officer) => ({ key: `O#${officer.officerId}`, item: { rowType: 'OFFICER', ...officer } })),
      ],
      announce: async (stored) =>
        complianceEvent({
          districtId,
          timezone: await districtTimezone(this.store, districtId),
          at: now,
          week: result.week,
          version: stored.version,
          generation,
          stationCount: result.stationCount,
          compliantCount: result.compliantCount,
          complianceRate: result.complianceRate,
        }),
    });
    return { outcome, report: { header, stations: result.stations, officers: result.officers } };
  }

  /**
   * Records that the event for `generation` went out, unless the report changed since. Not
   * a version bump: the report itself is unchanged. Answers false if the header moved on.
   */
  async markAnnounced(districtId: string, week: string, generation: string): Promise<boolean> {
    const where = location(districtId, week);
    try {
      await this.store.doc.send(
        new UpdateCommand({
          TableName: this.store.tableName,
          Key: { PK: where.partition, SK: where.header },
          ...updateExpression({ set: { announcedGeneration: generation } }, { expression: 'generation = :generation', values: { ':generation': generation } }),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
