import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { CHINA_STANDARD_TIME } from '../domain/events/event-envelope';
import type { Store } from './client';
import { districtKey } from './keys';

const known = new WeakMap<Store, Map<string, Promise<string>>>();

/**
 * A district's time zone, read once per container: events carry their time with the district's
 * offset, and the zone of a district does not change in practice (a changed district file takes
 * effect in new containers). A district not stored yet (a first sync writes its entities before
 * the district item) is taken to be in China Standard Time, the zone of every district today. A
 * failed read is forgotten, so the next call reads again.
 */
export function districtTimezone(store: Store, districtId: string): Promise<string> {
  const zones = known.get(store) ?? new Map<string, Promise<string>>();
  known.set(store, zones);
  const cached = zones.get(districtId);
  if (cached) return cached;
  const zone = (async () => {
    const output = await store.doc.send(
      new GetCommand({ TableName: store.tableName, Key: districtKey(districtId), ProjectionExpression: '#timezone', ExpressionAttributeNames: { '#timezone': 'timezone' } }),
    );
    return (output?.Item as { timezone?: string } | undefined)?.timezone ?? CHINA_STANDARD_TIME;
  })();
  zones.set(districtId, zone);
  zone.catch(() => zones.delete(districtId));
  return zone;
}
