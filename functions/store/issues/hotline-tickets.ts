import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../shared/errors';
import type { Store } from '../client';
import type { ItemKey } from '../keys';
import type { GuardedWrite } from '../transact';
import { claimUnique } from '../unique-claim';

/** The claim item that makes a 12345 ticket number unique in its district and points at the issue it made. */
const ticketKey = (districtId: string, ticket: string): ItemKey => ({ PK: `D#${districtId}#HOTLINE#${ticket}`, SK: 'HOTLINE_TICKET' });

/**
 * 12345 hotline tickets: the claim is written in the report's transaction, so the same ticket
 * sent twice (a retry, or the platform's re-send) makes one issue, even when both arrive at once:
 * the second transaction fails on the claim and the intake answers the issue it names.
 */
export class HotlineTickets {
  constructor(private readonly store: Store) {}

  claim(districtId: string, ticket: string, issueId: string): GuardedWrite {
    return claimUnique(this.store, ticketKey(districtId, ticket), { type: 'HOTLINE_TICKET', issueId }, (options) => new ConflictError('This 12345 ticket has already been taken in', options));
  }

  async issueIdOf(districtId: string, ticket: string): Promise<string | undefined> {
    const output = await this.store.doc.send(new GetCommand({ TableName: this.store.tableName, Key: ticketKey(districtId, ticket) }));
    return output.Item?.issueId as string | undefined;
  }
}
