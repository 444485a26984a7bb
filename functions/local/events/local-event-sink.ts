import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DomainEvent } from '../../domain/events/domain-event';
import type { EventPublisher } from '../../events/event-publisher';

export type EventListener = (event: DomainEvent) => void | Promise<void>;

/**
 * Locally, the district's bus: each event is appended as one JSON line to a file (the log a
 * developer tails) and handed to every listener in process (`onEvent`: the hook local
 * deliverers, such as webhooks, subscribe with). An event a listener throws on counts as not
 * delivered, so the consumer retries it (listeners see each event at least once and
 * de-duplicate by id, as on AWS).
 */
export class LocalEventSink implements EventPublisher {
  private readonly listeners = new Set<EventListener>();

  constructor(readonly logFile: string) {}

  /** Subscribes; answers the function that unsubscribes. */
  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async publish(events: readonly DomainEvent[]): Promise<{ failedIds: string[] }> {
    const failedIds: string[] = [];
    await mkdir(dirname(this.logFile), { recursive: true });
    for (const event of events) {
      // Once one event fails, the ones after it are not handed out: the consumer resumes at the first failure.
      if (failedIds.length > 0) {
        failedIds.push(event.id);
        continue;
      }
      await appendFile(this.logFile, `${JSON.stringify(event)}\n`);
      const results = await Promise.allSettled([...this.listeners].map(async (listener) => listener(event)));
      if (results.some((result) => result.status === 'rejected')) failedIds.push(event.id);
    }
    return { failedIds };
  }
}
