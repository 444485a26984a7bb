import * as z from 'zod';
import { BadUserInputError } from '../shared/errors';

export type CursorKey = Record<string, string>;

/**
 * Opaque Relay cursors: base64url JSON naming the district, the list and the key of the last
 * item read. A cursor is accepted only for the list and district it came from, and only with
 * the key shape that list produces, so a forged or foreign cursor is BAD_USER_INPUT rather
 * than a read of someone else's data or a 500.
 */
const cursorSchema = z.object({ d: z.string(), l: z.string(), k: z.record(z.string(), z.string()) });

export function encodeCursor(districtId: string, list: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify({ d: districtId, l: list, k: key })).toString('base64url');
}

export function decodeCursor(cursor: string, districtId: string, list: string, isValidKey: (key: CursorKey) => boolean): CursorKey {
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
  if (d !== districtId || l !== list || !isValidKey(k)) throw invalid();
  return k;
}

/** True when `key` has exactly the attributes `names`. */
export const hasExactly = (key: CursorKey, names: readonly string[]): boolean =>
  Object.keys(key).length === names.length && names.every((name) => typeof key[name] === 'string');

/** The attributes `names` of an item, as a cursor key. */
export const keyOf = (item: Record<string, unknown>, names: readonly string[]): CursorKey =>
  Object.fromEntries(names.map((name) => [name, String(item[name])]));
