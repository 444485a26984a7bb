import type { DomainEvent } from '../domain/events/domain-event';

/**
 * Where the stream consumer sends events: the district's EventBridge bus on AWS, a local sink
 * under `npm start`. `publish` answers the ids it could not deliver (empty: all delivered);
 * it may deliver an event again after a failure, never drop one it answered as delivered.
 */
export interface EventPublisher {
  publish(events: readonly DomainEvent[]): Promise<{ failedIds: string[] }>;
}
