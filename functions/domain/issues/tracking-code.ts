import { createHash, randomInt } from 'node:crypto';
import { BadUserInputError } from '../../shared/errors';

/**
 * Tracking codes: an anonymous reporter's receipt and only credential (回执编号). A code is
 * `<district id>-` and 13 characters of a 32-symbol alphabet (65 random bits), printed in groups
 * (`dingnan-K7QM-4XPA-9HRT2`) so it can be read out on the phone. Only its SHA-256 is stored: a
 * leaked table reveals no code, and with 2^65 codes per district a hash cannot be reversed by
 * trying them. The district prefix finds the district without a token, as service codes do.
 */

/** No 0/O or 1/I, as in service codes: the code is read aloud and typed from a screen. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const SECRET_LENGTH = 13;

/** The bits of randomness in a code: 13 symbols of 5 bits. */
export const TRACKING_CODE_BITS = SECRET_LENGTH * Math.log2(ALPHABET.length);

export interface TrackingCode {
  districtId: string;
  /** The 13 symbols, upper case, without separators. */
  secret: string;
}

/** A new random code of the district (node's CSPRNG). */
export function generateTrackingCode(districtId: string): TrackingCode {
  return { districtId, secret: Array.from({ length: SECRET_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('') };
}

/** How the code is shown and printed: `dingnan-K7QM-4XPA-9HRT2`. */
export const formatTrackingCode = (code: TrackingCode): string =>
  `${code.districtId}-${code.secret.slice(0, 4)}-${code.secret.slice(4, 8)}-${code.secret.slice(8)}`;

/** District, dash, then the 13 symbols with any dashes between them (spaces are dropped first). */
const SHAPE = /^([a-z][a-z0-9-]*?)-((?:[a-z0-9]-?){12}[a-z0-9])$/i;

/**
 * Reads a code as a resident typed it: spaces dropped, case ignored, the groups' dashes optional.
 * Undefined for anything that cannot be a code; callers refuse that exactly as a code that leads
 * nowhere (`unknownTrackingCode`), so neither part can be probed on its own.
 */
export function parseTrackingCode(typed: string): TrackingCode | undefined {
  const match = SHAPE.exec(typed.replace(/\s+/g, ''));
  if (!match) return undefined;
  const secret = match[2]!.replace(/-/g, '').toUpperCase();
  if ([...secret].some((symbol) => !ALPHABET.includes(symbol))) return undefined;
  return { districtId: match[1]!.toLowerCase(), secret };
}

/** What is stored and looked up: the SHA-256 of the canonical code, hex. */
export const trackingCodeHash = (code: TrackingCode): string => createHash('sha256').update(`${code.districtId}-${code.secret}`).digest('hex');

/**
 * The one answer to a code that leads to no report, whatever was wrong with it (its shape, its
 * district, its secret), so a wrong code tells nothing about which part was wrong.
 */
export const unknownTrackingCode = (): BadUserInputError => BadUserInputError.of('trackingCode', 'does not match any report');
