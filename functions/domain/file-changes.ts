/**
 * Three-way comparison for the onboarding sync: what did the district file change since it was
 * last applied? Only those fields are written, so whatever people changed through the API in
 * the meantime survives every deploy and every local start that does not change the same field.
 */

export type Fields = Record<string, unknown>;

/** Values compare by content: object keys in any order; an absent key equals `undefined`. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/**
 * The fields whose value in `desired` (the file now) differs from `base` (the file as last
 * applied), with their new values; `undefined` means the file no longer sets the field.
 */
export function fileChanges(base: Fields, desired: Fields): Fields {
  const changes: Fields = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(desired)])) {
    if (!sameValue(base[key], desired[key])) changes[key] = desired[key];
  }
  return changes;
}

/** True when applying `changes` to `current` would leave it as it is (people already made the file's change). */
export function changesNothing(current: Fields, changes: Fields): boolean {
  return Object.entries(changes).every(([key, value]) => sameValue(current[key], value));
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, nested: unknown) =>
    nested && typeof nested === 'object' && !Array.isArray(nested)
      ? Object.fromEntries(Object.entries(nested as Fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : nested,
  ) ?? 'undefined';
}
