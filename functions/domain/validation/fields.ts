import * as z from 'zod';

/** Field rules shared by every input. Trimmed strings; bounded lengths so nothing huge is stored. */
export const idField = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "-" or "_"');

/** Any control character (NUL, BEL, ESC of terminal escapes, …), and the same but for newline and tab. */
const CONTROL_CHARACTER = /\p{Cc}/u;
const CONTROL_CHARACTER_BUT_LINES = /(?![\n\t])\p{Cc}/u;

/**
 * The one rule for text people type: Unicode-normalized (NFC, so the same name is stored one
 * way), line ends made `\n`, trimmed; refused when it holds a control character (newline and
 * tab are allowed in multi-line text only), when it is empty after all that, or when it is too long.
 */
export function freeText(max: number, options: { multiline?: boolean } = {}) {
  const control = options.multiline ? CONTROL_CHARACTER_BUT_LINES : CONTROL_CHARACTER;
  return z
    .string()
    .transform((value) => value.normalize('NFC').replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(max, `must be at most ${max} characters`)
        .refine((value) => !control.test(value), options.multiline ? 'must not hold control characters other than newline and tab' : 'must not hold control characters (line breaks included)'),
    );
}

export const nameField = freeText(100);

export const textField = freeText(300);

/** Notes, descriptions and other text of several lines. */
export const noteField = freeText(1000, { multiline: true });

export const versionField = z.int('must be an integer').min(1, 'must be at least 1');

/**
 * DynamoDB stores no number closer to 0 than 1e-130 (other than 0), so a coordinate within a
 * nanodegree (0.1 mm) of 0 is stored as 0 rather than refused by the table.
 */
const flushTiny = (value: number): number => (Math.abs(value) < 1e-9 ? 0 : value);

export const geoPointField = z.object({
  lat: z.number().min(-90).max(90).transform(flushTiny),
  lng: z.number().min(-180).max(180).transform(flushTiny),
});

const position = z
  .array(z.number().transform(flushTiny))
  .length(2, 'must be [lng, lat]')
  .refine(([lng, lat]) => lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90, 'must be [lng, lat] within range');

const linearRing = z
  .array(position)
  .min(4, 'a ring needs at least 4 positions')
  .max(1000, 'a ring has at most 1000 positions')
  .refine((ring) => {
    const [first, last] = [ring[0], ring.at(-1)];
    return !!first && !!last && first[0] === last[0] && first[1] === last[1];
  }, 'a ring must be closed: its last position equals its first');

/** A GeoJSON Polygon (RFC 7946): an outer ring and optional holes. */
export const polygonField = z.object({
  type: z.literal('Polygon', 'must be "Polygon"'),
  coordinates: z.array(linearRing).min(1, 'needs an outer ring').max(20),
});

/** Optional field where null means absent. In an update: absent → unchanged, null → cleared, value → set. */
export function absentIfNull<S extends z.ZodType>(schema: S) {
  return schema.nullish().transform((value) => value ?? undefined);
}

/** `first` of a connection: 1..100, default 20. */
export const pageArguments = {
  first: z.int('must be an integer').min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100').nullish().transform((value) => value ?? 20),
  after: z.string().max(1000, 'is not a cursor from this list').nullish(),
};
