import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../../functions/store/client';
import { randomCursorKey } from '../../functions/store/cursor';
import { IssueRepository } from '../../functions/store/issues/issue-repository';
import type { TransactItem } from '../../functions/store/transact';
import { megacityDay, replayDay, stepEffects, type MegacityDay, type MegacityOptions } from './megacity-day';
import { PartitionLoad, type LoadReport } from './partition-load';

/**
 * A store whose client answers every transaction with success and hands its items to
 * `onTransaction` instead of DynamoDB: the repository builds its requests exactly as deployed.
 */
export function recordingStore(onTransaction: (items: TransactItem[]) => void): Store {
  const send = async (command: unknown) => {
    if (!(command instanceof TransactWriteCommand)) throw new Error('the simulation records transactions only');
    onTransaction(command.input.TransactItems ?? []);
    return {};
  };
  return { doc: { send } as unknown as DynamoDBDocumentClient, tableName: 'megacity', cursorKey: randomCursorKey() };
}

export interface SimulationOptions extends MegacityOptions {
  /** How long a transaction holds its items on DynamoDB (a transaction conflicts with one still in flight). */
  transactionMs?: number;
}

export interface SimulationResult {
  day: MegacityDay;
  transactionMs: number;
  load: LoadReport;
}

/** Replays a megacity day through the real IssueRepository and measures every key it writes. */
export async function simulateDay(options: SimulationOptions = {}): Promise<SimulationResult> {
  const transactionMs = options.transactionMs ?? 30;
  const day = megacityDay(options);
  const load = new PartitionLoad({ transactionMs });
  let now = 0;
  const repository = new IssueRepository(recordingStore((items) => load.transaction(now, items)));
  await replayDay(day, async (atMs, before, after, dayWrite) => {
    now = atMs;
    if (dayWrite.kind === 'REPORT') {
      await repository.create(after, dayWrite.events, dayWrite.effects);
      return after;
    }
    const at = new Date(atMs).toISOString();
    return repository.applyStep(before!, after, { at, actor: 'officer', action: dayWrite.action, fromStatus: before!.status, toStatus: after.status }, stepEffects(before!, after, dayWrite.action, at));
  });
  return { day, transactionMs, load: load.report() };
}
