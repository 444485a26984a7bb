import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Webhook signing secrets at rest: AES-256-GCM, so a copy of the table (a backup, an export, a
 * reader with table access alone) holds no secret that could sign a delivery, yet the delivery
 * function can recover each secret to sign with (HMAC needs the secret itself; a hash would not do).
 *
 *   sealed = "v1." ‖ base64url( nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes) )
 *
 * The additional data binds a ciphertext to its endpoint (`context`: district and endpoint id),
 * so a sealed secret copied onto another endpoint's item fails to open. The key is derived
 * (HKDF-SHA-256, its own label) from key material given as the cursor key's is: on AWS the
 * deployment's generated Secrets Manager secret, read once per container; off AWS the material
 * itself. Why not KMS Encrypt per secret: the same code runs against DynamoDB Local in tests and
 * `npm start`, which have no KMS, and the cursor key already set the pattern.
 */
export type SecretKeySource = string | (() => Promise<string>);

export interface SecretBox {
  seal(plain: string, context: string): Promise<string>;
  open(sealed: string, context: string): Promise<string>;
}

/** A sealed secret that does not open: another key, another endpoint's, or tampered with. */
export class WebhookSecretUnreadableError extends Error {
  readonly code = 'WEBHOOK_SECRET_UNREADABLE';

  constructor(context: string, options?: ErrorOptions) {
    super(`The signing secret of webhook endpoint ${context} cannot be opened with this deployment's key`, options);
    this.name = 'WebhookSecretUnreadableError';
  }
}

const PREFIX = 'v1.';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const MIN_KEY_MATERIAL_LENGTH = 32;

function deriveKey(material: string): Buffer {
  if (material.length < MIN_KEY_MATERIAL_LENGTH) throw new Error(`A webhook secret key needs at least ${MIN_KEY_MATERIAL_LENGTH} characters of key material`);
  return Buffer.from(hkdfSync('sha256', material, 'community-city-services', 'webhook signing secrets v1', 32));
}

/** A box whose key is read from `source` when first used and kept; a failed read is not kept, so the next call tries again. */
export function secretBox(source: SecretKeySource): SecretBox {
  let key: Promise<Buffer> | undefined;
  const aesKey = (): Promise<Buffer> => {
    if (!key) {
      const reading = Promise.resolve().then(() => (typeof source === 'string' ? source : source())).then(deriveKey);
      reading.catch(() => {
        if (key === reading) key = undefined;
      });
      key = reading;
    }
    return key;
  };
  const additionalData = (context: string) => Buffer.from(`${PREFIX}${context}`, 'utf8');
  return {
    async seal(plain, context) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', await aesKey(), nonce);
      cipher.setAAD(additionalData(context));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url');
    },
    async open(sealed, context) {
      const key = await aesKey();
      try {
        if (!sealed.startsWith(PREFIX)) throw new Error('unknown format');
        const bytes = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES));
        decipher.setAAD(additionalData(context));
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new WebhookSecretUnreadableError(context, { cause: error });
      }
    },
  };
}

/** A random key of this process alone: off AWS when none is given (what it sealed, no other process opens). */
export const randomSecretKey = (): string => randomBytes(32).toString('base64url');
