import { randomInt } from 'node:crypto';
import { BadUserInputError } from '../shared/errors';

/** No 0/O or 1/I: the code is also read aloud and typed from a printed sticker. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A new public service code (城市服务码) for a station: `<district>-` and 8 random characters. */
export function generateServiceCode(districtId: string): string {
  const suffix = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${districtId}-${suffix}`;
}

/** The district a service code belongs to: everything before its last dash. */
export function districtOfServiceCode(code: string): string {
  return code.slice(0, code.lastIndexOf('-'));
}

/**
 * The one answer to a code that leads to no active station: the same whether the district, the
 * station or its activity is what is missing, so codes cannot be used to learn which districts
 * are onboarded or which stations exist.
 */
export const unknownServiceCode = (path: string, options?: ErrorOptions): BadUserInputError => BadUserInputError.of(path, 'is not the code of an active station', options);
