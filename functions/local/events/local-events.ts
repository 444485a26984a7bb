import { join } from 'node:path';
import { LocalEventSink } from './local-event-sink';
import { LocalStreamConsumer } from './local-stream-consumer';

export interface LocalEvents {
  /** The local bus: subscribe with `sink.onEvent(listener)`. */
  sink: LocalEventSink;
  stop(): Promise<void>;
}

/** Where `npm start` keeps its events: the log of every event published, and the stream position. */
export const eventsDirOf = (dataDir: string): string => join(dataDir, 'events');

/** Starts the local outbox relay over the table's stream, publishing to `<dataDir>/events/events.jsonl`. */
export async function startLocalEvents(options: { endpoint: string; tableName: string; dataDir: string; log?(line: string): void }): Promise<LocalEvents> {
  const directory = eventsDirOf(options.dataDir);
  const sink = new LocalEventSink(join(directory, 'events.jsonl'));
  const consumer = new LocalStreamConsumer({
    endpoint: options.endpoint,
    tableName: options.tableName,
    publisher: sink,
    checkpointFile: join(directory, 'stream-position.json'),
    log: options.log,
  });
  await consumer.streamArn();
  consumer.start();
  options.log?.(`events: the outbox relay publishes to ${sink.logFile}`);
  return { sink, stop: () => consumer.stop() };
}
