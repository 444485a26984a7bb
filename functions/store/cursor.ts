import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { BadUserInputError } from '../shared/errors';

/**
 * Opaque, tamper-evident Relay cursors. A cursor is AES-256-GCM over what the pager needs to
 * continue a list: the fingerprint of the list request it came from and the key of the last
 * item read. So a client can neither read the table layout from it nor change it: any change,
 * a truncation, or another deployment's key fails authentication and is BAD_USER_INPUT.
 *
 *   cursor    = base64url( version (1 byte) ‖ nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes) )
 *   plaintext = fingerprint (16 bytes) ‖ UTF-8 JSON array of the key's values
 *
 * The version byte is authenticated too (the additional data). Which list and filter the
 * fingerprint stands for, and which attributes the values are, is the pager's (connection.ts).
 */
const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const FINGERPRINT_BYTES = 16;
/** Longer than any cursor this API writes (a few hundred characters): refused before any work. */
const MAX_CURSOR_LENGTH = 2_048;
const MIN_KEY_MATERIAL_LENGTH = 32;

/**
 * Key material, at least 32 characters (the local key file, the deployment's generated secret,
 * a test's fixed key), or how to read it: called once, when a cursor is first needed.
 */
export type CursorKeySource = string | (() => Promise<string>);

/** The AES-256 key of a store's cursors, derived from its source once, on first use. */
export interface CursorKey {
  aesKey(): Promise<Buffer>;
}

/** The key derived (HKDF-SHA-256) from material; the label keeps it apart from any other use of the same secret. */
function deriveKey(material: string): Buffer {
  if (material.length < MIN_KEY_MATERIAL_LENGTH) throw new Error(`A cursor key needs at least ${MIN_KEY_MATERIAL_LENGTH} characters of key material`);
  return Buffer.from(hkdfSync('sha256', material, 'community-city-services', 'relay cursors v1', 32));
}

/**
 * A cursor key read from `source` when first asked for and kept for the life of the process
 * (the Lambda container); a failed read (Secrets Manager unreachable) is not kept, so the next
 * request tries again.
 */
export function cursorKey(source: CursorKeySource): CursorKey {
  let key: Promise<Buffer> | undefined;
  return {
    aesKey() {
      if (!key) {
        const reading = Promise.resolve().then(() => (typeof source === 'string' ? source : source())).then(deriveKey);
        reading.catch(() => {
          if (key === reading) key = undefined;
        });
        key = reading;
      }
      return key;
    },
  };
}

/** A key of this process alone: its cursors are refused by any other (tools and jobs that never hand cursors out). */
export const randomCursorKey = (): CursorKey => cursorKey(randomBytes(32).toString('base64url'));

/** What a cursor carries. */
export interface CursorContent {
  /** Names the list request the cursor continues (FINGERPRINT_BYTES long). */
  fingerprint: Buffer;
  /** The key of the last item read, one value per key attribute, in the list's order. */
  values: string[];
}

export function encodeCursor(key: Buffer, content: CursorContent): string {
  const header = Buffer.of(VERSION);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES }).setAAD(header);
  const plaintext = Buffer.concat([content.fingerprint, Buffer.from(JSON.stringify(content.values), 'utf8')]);
  return Buffer.concat([header, nonce, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]).toString('base64url');
}

/** The content of a cursor this key sealed; anything else (garbage, tampered, truncated, another key's) is BAD_USER_INPUT on `after`. */
export function decodeCursor(key: Buffer, cursor: string): CursorContent {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw notACursor();
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.length < 1 + NONCE_BYTES + FINGERPRINT_BYTES + TAG_BYTES || bytes[0] !== VERSION) throw notACursor();
  const header = bytes.subarray(0, 1);
  const nonce = bytes.subarray(1, 1 + NONCE_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES }).setAAD(header).setAuthTag(tag);
    plaintext = Buffer.concat([decipher.update(bytes.subarray(1 + NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw notACursor();
  }
  let values: unknown;
  try {
    values = JSON.parse(plaintext.subarray(FINGERPRINT_BYTES).toString('utf8'));
  } catch {
    throw notACursor();
  }
  if (!Array.isArray(values) || !values.every((value) => typeof value === 'string')) throw notACursor();
  return { fingerprint: plaintext.subarray(0, FINGERPRINT_BYTES), values };
}

/** The one answer to every cursor the list cannot continue from, whatever is wrong with it. */
export const notACursor = (): BadUserInputError => BadUserInputError.of('after', 'is not a cursor from this list');
