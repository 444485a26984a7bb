import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { rosterEvent } from '../domain/events/duty-events';
import { weekOfDate } from '../domain/duty/iso-week';
import { compareShifts } from '../domain/roster/plan-roster';
import type { PlannedShift, RosterFairness, RosterPlan, UnfilledDemand } from '../domain/roster/types';
import { ConflictError, NotFoundError } from '../shared/errors';
import type { Store } from './client';
import { ROSTER_HEADER, weekPartition } from './duty-keys';
import { districtTimezone } from './district-timezones';
import { outboxWrite } from './outbox';
import { updateExpression } from './query';
import { transactWrite } from './transact';
import { generationOf, readHeader, readSnapshot, replaceSnapshot, type SnapshotHeader, type SnapshotLocation } from './week-snapshot';

export type RosterStatus = 'DRAFT' | 'PUBLISHED';

export interface RosterHeader extends SnapshotHeader {
  districtId: string;
  week: string;
  status: RosterStatus;
  generatedAt: string;
  publishedAt?: string;
  unfilled: UnfilledDemand[];
  fairness: RosterFairness;
}

export interface ShiftRecord extends PlannedShift {
  districtId: string;
  week: string;
}

export interface StoredRoster {
  header: RosterHeader;
  shifts: ShiftRecord[];
}

/** What saving a plan did: PUBLISHED_KEPT when the week is published and `force` was not given. */
export type RosterSaveOutcome = 'CREATED' | 'REPLACED' | 'UNCHANGED' | 'PUBLISHED_KEPT';

const location = (districtId: string, week: string): SnapshotLocation => ({ partition: weekPartition(districtId, week), header: ROSTER_HEADER });

/** The week a shift id names: ids are `<date>.<window>.<station>`. */
export const weekOfShift = (shiftId: string): string => weekOfDate(shiftId.slice(0, 10));

/**
 * Rosters, one per ISO week in the week's partition (see week-snapshot.ts): regenerating a
 * DRAFT replaces every shift (none left over); a PUBLISHED week is replaced only with `force`,
 * and then goes back to DRAFT to be published again. Attendance is kept apart (attendance.ts),
 * keyed by shift id, so it survives a regeneration that keeps the shift.
 */
export class RosterRepository {
  constructor(private readonly store: Store) {}

  async read(districtId: string, week: string): Promise<StoredRoster | undefined> {
    const snapshot = await readSnapshot<RosterHeader, ShiftRecord>(this.store, location(districtId, week));
    return snapshot && { header: snapshot.header, shifts: snapshot.rows.sort(compareShifts) };
  }

  async save(districtId: string, plan: RosterPlan, now: string, force: boolean): Promise<{ outcome: RosterSaveOutcome; roster: StoredRoster }> {
    const where = location(districtId, plan.week);
    const current = await readHeader<RosterHeader>(this.store, where);
    if (current?.status === 'PUBLISHED' && !force) {
      const stored = await this.read(districtId, plan.week);
      return { outcome: 'PUBLISHED_KEPT', roster: stored! };
    }
    // A forced week is DRAFT again even when the plan is unchanged: a new generation makes the
    // header flip (to DRAFT) where equal content would otherwise be left as it is, PUBLISHED.
    const generation = current?.status === 'PUBLISHED' ? generationOf({ plan, reopens: current.generation }) : generationOf(plan);
    const shifts: ShiftRecord[] = plan.shifts.map((shift) => ({ ...shift, districtId, week: plan.week }));
    const { outcome, header } = await replaceSnapshot<RosterHeader>(this.store, where, current, {
      generation,
      header: { districtId, week: plan.week, status: 'DRAFT', generatedAt: now, unfilled: plan.unfilled, fairness: plan.fairness },
      rows: shifts.map((shift) => ({ key: shift.id, item: { ...shift } })),
      announce: async (header) =>
        rosterEvent('roster.generated', {
          districtId,
          timezone: await districtTimezone(this.store, districtId),
          at: now,
          week: plan.week,
          version: header.version,
          generation,
          status: 'DRAFT',
          shiftCount: shifts.length,
          unfilledCount: plan.unfilled.length,
        }),
    });
    return { outcome, roster: { header, shifts } };
  }

  /** Freezes the week, with its event in the same transaction; publishing a published week changes nothing. */
  async publish(districtId: string, week: string, now: string): Promise<{ header: RosterHeader; changed: boolean }> {
    const where = location(districtId, week);
    const current = await readHeader<RosterHeader>(this.store, where);
    if (!current) throw new NotFoundError('Roster', week);
    if (current.status === 'PUBLISHED') return { header: current, changed: false };
    const header: RosterHeader = { ...current, status: 'PUBLISHED', publishedAt: now, version: current.version + 1 };
    const event = rosterEvent('roster.published', {
      districtId,
      timezone: await districtTimezone(this.store, districtId),
      at: now,
      week,
      version: header.version,
      generation: header.generation,
      status: 'PUBLISHED',
      unfilledCount: header.unfilled.length,
    });
    try {
      await transactWrite(this.store, [
        {
          item: {
            Update: {
              TableName: this.store.tableName,
              Key: { PK: where.partition, SK: where.header },
              ...updateExpression(
                { set: { status: 'PUBLISHED', publishedAt: now }, add: { version: 1 } },
                { expression: '#status = :draft AND version = :read', names: { '#status': 'status' }, values: { ':draft': 'DRAFT', ':read': current.version } },
              ),
            },
          },
          onConditionFailed: (options) => new ConflictError(`Roster ${week} changed while it was being published; try again`, options),
        },
        outboxWrite(this.store, event),
      ]);
      return { header, changed: true };
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const latest = await readHeader<RosterHeader>(this.store, where);
      if (latest?.status === 'PUBLISHED') return { header: latest, changed: false };
      throw error;
    }
  }

  /** One shift of the current roster: two GetItems (the header names the generation). */
  async findShift(districtId: string, shiftId: string): Promise<{ header: RosterHeader; shift: ShiftRecord } | undefined> {
    const week = weekOfShift(shiftId);
    const where = location(districtId, week);
    const header = await readHeader<RosterHeader>(this.store, where);
    if (!header) return undefined;
    const output = await this.store.doc.send(
      new GetCommand({ TableName: this.store.tableName, Key: { PK: where.partition, SK: `${where.header}#${header.generation}#${shiftId}` } }),
    );
    return output.Item ? { header, shift: output.Item as ShiftRecord } : undefined;
  }
}
