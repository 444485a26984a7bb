import { z } from 'zod';
import { BadUserInputError } from '../shared/errors';
import { districtPartition, type ItemKey } from './keys';

/**
 * Opaque Relay cursors: base64url JSON naming the district, the list and the last key read.
 * A cursor is accepted only for the list and district it came from, so a forged or foreign
 * cursor is BAD_USER_INPUT rather than a read of someone else's data or a 500.
 */
const cursorSchema = z.object({
  d: z.string(),
  l: z.string(),
  k: z.object({ PK: z.string(), SK: z.string() }).strict(),
});

export function encodeCursor(districtId: string, list: string, key: ItemKey): string {
  return Buffer.from(JSON.stringify({ d: districtId, l: list, k: { PK: key.PK, SK: key.SK } })).toString('base64url');
}

export function decodeCursor(cursor: string, districtId: string, list: string, skPrefix: string): ItemKey {
  const invalid = () => BadUserInputError.of('after', 'is not a cursor from this list');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success) throw invalid();
  const { d, l, k } = parsed.data;
  if (d !== districtId || l !== list || k.PK !== districtPartition(districtId) || !k.SK.startsWith(skPrefix)) {
    throw invalid();
  }
  return k;
}
