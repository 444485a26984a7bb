/** One station that missed the weekly rule, as subscribers receive it. */
export interface NonCompliantStation {
  stationId: string;
  qualifyingSessions: number;
  requiredSessions: number;
  /** At most the first 5 reasons: events are size-limited. */
  reasons: string[];
}

/**
 * The `NonCompliantStations` event (source `community-city-services`). A long list goes out
 * in parts of at most 100 stations; `reportId` (week and report generation) is the same for
 * every part and every retry, so a subscriber can drop duplicates.
 */
export interface NonCompliantStationsEvent {
  districtId: string;
  week: string;
  reportId: string;
  stationCount: number;
  compliantCount: number;
  part: number;
  parts: number;
  stations: NonCompliantStation[];
}

/** Where the compliance job announces its result; EventBridge in AWS, a fake in tests. */
export interface CompliancePublisher {
  publish(event: NonCompliantStationsEvent): Promise<void>;
}

export const EVENT_SOURCE = 'community-city-services';
export const EVENT_DETAIL_TYPE = 'NonCompliantStations';
