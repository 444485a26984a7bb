import { districtPartition, type ItemKey } from '../keys';

/**
 * Webhook keys. Endpoints live in the district's partition (`WEBHOOK#<id>`), few per district,
 * read in one Query. Each endpoint's deliveries have a partition of their own, one item per
 * event (`DELIVERY#<eventId>`): the key that makes a delivery unique, so a redelivered event
 * finds its item and creates none.
 *
 * Two sparse index entries, each kept only while it applies:
 *   GSI7: PENDING deliveries by the time they are due (the sweeper's Query, no Scan);
 *   GSI6: DEAD deliveries by when they died (the dead-letter list).
 * Times are UTC ISO strings, which sort as they compare.
 */
export const ENDPOINT_PREFIX = 'WEBHOOK#';

export const endpointKey = (districtId: string, endpointId: string): ItemKey => ({ PK: districtPartition(districtId), SK: `${ENDPOINT_PREFIX}${endpointId}` });

export const deliveryKey = (districtId: string, endpointId: string, eventId: string): ItemKey => ({
  PK: `${districtPartition(districtId)}#WEBHOOK#${endpointId}`,
  SK: `DELIVERY#${eventId}`,
});

export const DUE_INDEX = 'GSI7';
export const DEAD_INDEX = 'GSI6';

export const duePartition = (districtId: string): string => `${districtPartition(districtId)}#WEBHOOKS#DUE`;
export const deadPartition = (districtId: string): string => `${districtPartition(districtId)}#WEBHOOKS#DEAD`;

export const indexSortKey = (at: string, endpointId: string, eventId: string): string => `${at}#${endpointId}#${eventId}`;

/** Whether a table key is a delivery's (a cursor of the dead-letter list must name one). */
export const isDeliveryKey = (key: Record<string, string>): boolean => /#WEBHOOK#/.test(key.PK ?? '') && (key.SK ?? '').startsWith('DELIVERY#');
