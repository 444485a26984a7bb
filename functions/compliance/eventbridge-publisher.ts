import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { EVENT_DETAIL_TYPE, EVENT_SOURCE, type CompliancePublisher, type NonCompliantStationsEvent } from '../app/compliance/event-publisher';

/** Publishes to the district's event bus; an entry EventBridge refuses is an error (the job fails and is retried). */
export class EventBridgePublisher implements CompliancePublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly eventBusName: string,
  ) {}

  async publish(event: NonCompliantStationsEvent): Promise<void> {
    const output = await this.client.send(
      new PutEventsCommand({
        Entries: [{ EventBusName: this.eventBusName, Source: EVENT_SOURCE, DetailType: EVENT_DETAIL_TYPE, Detail: JSON.stringify(event) }],
      }),
    );
    if ((output.FailedEntryCount ?? 0) > 0) {
      const [entry] = output.Entries ?? [];
      throw new Error(`EventBridge refused the ${EVENT_DETAIL_TYPE} event: ${entry?.ErrorCode ?? 'unknown'} ${entry?.ErrorMessage ?? ''}`.trim());
    }
  }
}
