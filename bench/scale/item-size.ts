/**
 * DynamoDB's item size rules (the published ones: names and values in UTF-8 bytes, a number
 * 1 byte per two significant digits plus 1, a list or map 3 bytes plus 1 per element), which
 * set how many capacity units a write consumes: 1 WCU per KB written, 2 in a transaction.
 */
const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

export function numberSize(value: number): number {
  const digits = String(Math.abs(value)).replace(/[.-]|e.*$/g, '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

export function valueSize(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'number') return numberSize(value);
  if (typeof value === 'string') return utf8(value);
  if (Array.isArray(value)) return 3 + value.reduce<number>((sum, element) => sum + valueSize(element) + 1, 0);
  if (value instanceof Date) return utf8(value.toISOString());
  return 3 + Object.entries(value as Record<string, unknown>).reduce((sum, [name, element]) => sum + utf8(name) + valueSize(element) + 1, 0);
}

export const attributeSize = (name: string, value: unknown): number => utf8(name) + valueSize(value);

export const itemSize = (item: Record<string, unknown>): number =>
  Object.entries(item).reduce((sum, [name, value]) => sum + (value === undefined ? 0 : attributeSize(name, value)), 0);

/** Capacity units of one write of an item this size: 1 per KB started, doubled in a transaction. */
export const writeUnits = (bytes: number, transactional: boolean): number => Math.max(1, Math.ceil(bytes / 1024)) * (transactional ? 2 : 1);

/** Capacity units of one strongly consistent read (a transaction's ConditionCheck: doubled). */
export const readUnits = (bytes: number, transactional: boolean): number => Math.max(1, Math.ceil(bytes / 4096)) * (transactional ? 2 : 1);
