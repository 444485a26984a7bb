import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { DomainEvent } from '../domain/events/domain-event';
import type { EventPublisher } from './event-publisher';

/** The `source` of every domain event on the district's bus; `detail-type` is the event's type. */
export const DOMAIN_EVENT_SOURCE = 'community-city-services.domain';

/**
 * Publishes to the district's bus, one entry per event with the whole envelope as `detail`.
 * EventBridge answers per entry, in order: an entry with an error code is a failed id.
 */
export class EventBridgeEventPublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly eventBusName: string,
  ) {}

  async publish(events: readonly DomainEvent[]): Promise<{ failedIds: string[] }> {
    const output = await this.client.send(
      new PutEventsCommand({
        Entries: events.map((event) => ({
          EventBusName: this.eventBusName,
          Source: DOMAIN_EVENT_SOURCE,
          DetailType: event.type,
          Detail: JSON.stringify(event),
          Time: new Date(event.occurredAt),
        })),
      }),
    );
    const entries = output.Entries ?? [];
    return { failedIds: events.filter((_event, index) => !entries[index] || entries[index]!.ErrorCode).map((event) => event.id) };
  }
}
