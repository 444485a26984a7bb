import { DescribeTableCommand, DynamoDBClient, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type _Record,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { OUTBOX_SORT_KEY_PREFIX } from '../../store/outbox';
import { tableDefinition } from '../../store/table-definition';
import type { EventPublisher } from '../../events/event-publisher';
import { relayBatch } from '../../events/relay-batch';
import type { OutboxStreamRecord } from '../../events/stream-records';
import { StreamCheckpoint, type StreamPosition } from './stream-checkpoint';

export interface LocalStreamConsumerOptions {
  endpoint: string;
  tableName: string;
  region?: string;
  publisher: EventPublisher;
  /** The file the position is kept in (under the data dir). */
  checkpointFile: string;
  /** Pause between polls when the stream has nothing new; default 500 ms. */
  idleMs?: number;
  log?(line: string): void;
}

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** What the deployed event source mapping's filter selects: outbox inserts. */
const isOutboxInsert = (record: _Record): boolean => record.eventName === 'INSERT' && (record.dynamodb?.Keys?.SK?.S ?? '').startsWith(OUTBOX_SORT_KEY_PREFIX);

/**
 * The outbox relay of `npm start`: the same `relayBatch` the Lambda runs, fed from DynamoDB
 * Local's stream through the Streams API instead of an event source mapping. Each page of
 * records is relayed, then the position is written; a page that fails (or a consumer killed
 * mid-page) is read again from the last written position, so every outbox item is delivered at
 * least once, in stream order per shard. Parent shards are finished before their children.
 */
export class LocalStreamConsumer {
  private readonly dynamo: DynamoDBClient;
  private readonly streams: DynamoDBStreamsClient;
  private readonly checkpoint: StreamCheckpoint;
  private running: Promise<void> | undefined;
  private stopping = false;

  constructor(private readonly options: LocalStreamConsumerOptions) {
    const client = { endpoint: options.endpoint, region: options.region ?? 'local', credentials };
    this.dynamo = new DynamoDBClient(client);
    this.streams = new DynamoDBStreamsClient(client);
    this.checkpoint = new StreamCheckpoint(options.checkpointFile);
  }

  /** The table's stream; a table made before streams were on (an older data dir) gets its stream now. */
  async streamArn(): Promise<string> {
    const { Table } = await this.dynamo.send(new DescribeTableCommand({ TableName: this.options.tableName }));
    if (Table?.LatestStreamArn && Table.StreamSpecification?.StreamEnabled) return Table.LatestStreamArn;
    const updated = await this.dynamo.send(
      new UpdateTableCommand({ TableName: this.options.tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType } }),
    );
    return updated.TableDescription!.LatestStreamArn!;
  }

  /** Reads every shard up to its end as it is now, relaying outbox records; answers how many events were published. */
  async drain(): Promise<number> {
    const streamArn = await this.streamArn();
    const position = await this.checkpoint.read(streamArn);
    const { StreamDescription } = await this.streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    let published = 0;
    for (const shard of parentsFirst(StreamDescription?.Shards ?? [])) {
      if (this.stopping) break;
      if (position.finished.includes(shard.ShardId!)) continue;
      published += await this.drainShard(streamArn, shard, position);
    }
    return published;
  }

  private async drainShard(streamArn: string, shard: Shard, position: StreamPosition): Promise<number> {
    const shardId = shard.ShardId!;
    let iterator = await this.iteratorOf(streamArn, shardId, position.shards[shardId]);
    let published = 0;
    while (iterator && !this.stopping) {
      const page = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      const records = page.Records ?? [];
      const outcome = await relayBatch(records.filter(isOutboxInsert) as OutboxStreamRecord[], this.options.publisher);
      published += outcome.published;
      if (outcome.failedAt !== undefined) {
        this.options.log?.(`events: ${outcome.problem}; retrying from it`);
        const before = records.findIndex((record) => record.dynamodb?.SequenceNumber === outcome.failedAt) - 1;
        if (before >= 0) await this.advance(position, shardId, records[before]!.dynamodb!.SequenceNumber!);
        return published;
      }
      const last = records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) await this.advance(position, shardId, last);
      if (!page.NextShardIterator) {
        position.finished.push(shardId);
        await this.checkpoint.write(position);
      }
      if (records.length === 0) break;
      iterator = page.NextShardIterator;
    }
    return published;
  }

  private async advance(position: StreamPosition, shardId: string, sequenceNumber: string): Promise<void> {
    position.shards[shardId] = sequenceNumber;
    await this.checkpoint.write(position);
  }

  private async iteratorOf(streamArn: string, shardId: string, after: string | undefined): Promise<string | undefined> {
    try {
      const output = await this.streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
        }),
      );
      return output.ShardIterator;
    } catch (error) {
      // Records older than the stream keeps (24 h) are gone: resume at the oldest there is.
      if (!(error instanceof TrimmedDataAccessException) || !after) throw error;
      return this.iteratorOf(streamArn, shardId, undefined);
    }
  }

  /** Polls until `stop`; a failed poll is logged and tried again after the pause. */
  start(): void {
    const idleMs = this.options.idleMs ?? 500;
    const loop = async () => {
      while (!this.stopping) {
        try {
          await this.drain();
        } catch (error) {
          this.options.log?.(`events: the stream consumer failed (${(error as Error).message}); retrying`);
        }
        if (!this.stopping) await new Promise((resolve) => setTimeout(resolve, idleMs));
      }
    };
    this.running = loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
    this.dynamo.destroy();
    this.streams.destroy();
  }
}

/** Shards ordered so that a parent comes before its children (a shard's records follow its parent's). */
function parentsFirst(shards: Shard[]): Shard[] {
  const ids = new Set(shards.map((shard) => shard.ShardId));
  const ordered: Shard[] = [];
  const placed = new Set<string>();
  const place = (shard: Shard) => {
    if (placed.has(shard.ShardId!)) return;
    const parent = shards.find((candidate) => candidate.ShardId === shard.ParentShardId);
    if (parent && ids.has(parent.ShardId)) place(parent);
    placed.add(shard.ShardId!);
    ordered.push(shard);
  };
  shards.forEach(place);
  return ordered;
}
