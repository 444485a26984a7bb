import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { EventBridgePublisher } from '../../../functions/compliance/eventbridge-publisher';
import type { NonCompliantStationsEvent } from '../../../functions/app/compliance/event-publisher';

const eventBridge = mockClient(EventBridgeClient);
const EVENT: NonCompliantStationsEvent = {
  districtId: 'dingnan',
  week: '2026-W47',
  reportId: '2026-W47/abc',
  stationCount: 12,
  compliantCount: 11,
  part: 1,
  parts: 1,
  stations: [{ stationId: 'dn-s-01', qualifyingSessions: 1, requiredSessions: 2, reasons: ['1 of 2 required sessions held'] }],
};

beforeEach(() => eventBridge.reset());

test('given a report, when published, then one NonCompliantStations entry goes to the named bus with the event as detail', async () => {
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: '1' }] });

  await new EventBridgePublisher(new EventBridgeClient({ region: 'cn-north-1' }), 'duty-bus').publish(EVENT);

  const [call] = eventBridge.commandCalls(PutEventsCommand);
  expect(call!.args[0].input.Entries).toEqual([
    { EventBusName: 'duty-bus', Source: 'community-city-services', DetailType: 'NonCompliantStations', Detail: JSON.stringify(EVENT) },
  ]);
});

test('given EventBridge refuses the entry, when published, then it throws so the run fails and is retried', async () => {
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' }] });

  await expect(new EventBridgePublisher(new EventBridgeClient({ region: 'cn-north-1' }), 'duty-bus').publish(EVENT)).rejects.toThrow(
    'ThrottlingException Rate exceeded',
  );
});
