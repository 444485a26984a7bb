import * as z from 'zod';
import { toWgs84 } from '../coordinates';
import { coordinateSystemSchema, type CoordinateSystem } from '../vocabulary';

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

/** GCJ-02 and BD-09 shift a point by at most a few hundred metres: a converted point is kept in range. */
const clamp = (value: number, limit: number): number => Math.min(limit, Math.max(-limit, value));

/** A converted `[lng, lat]`, as stored: in range, tiny values flushed to 0. */
const storedPosition = (position: readonly [number, number], from: CoordinateSystem): [number, number] => {
  const [lng, lat] = toWgs84(position, from);
  return [flushTiny(clamp(lng, 180)), flushTiny(clamp(lat, 90))];
};

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

/** The datum of an input's coordinates: WGS-84 when absent or null. */
const coordinateSystemField = coordinateSystemSchema.nullish().transform((system) => system ?? 'WGS84');

/** A WGS-84 point as the district file gives it (and as points are stored); strict, so a `coordinateSystem` there is an error. */
export const wgs84PointField = z.strictObject({ lat: latitude, lng: longitude }).transform(({ lat, lng }) => {
  const [storedLng, storedLat] = storedPosition([lng, lat], 'WGS84');
  return { lat: storedLat, lng: storedLng };
});

/** A point of an API input (`GeoPointInput`), in the datum `coordinateSystem` names; the result is WGS-84. */
export const geoPointInputField = z.object({ lat: latitude, lng: longitude, coordinateSystem: coordinateSystemField }).transform(({ lat, lng, coordinateSystem }) => {
  const [storedLng, storedLat] = storedPosition([lng, lat], coordinateSystem);
  return { lat: storedLat, lng: storedLng };
});

const position = z
  .array(z.number())
  .length(2, 'must be [lng, lat]')
  .refine(([lng, lat]) => lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90, 'must be [lng, lat] within range')
  .transform((numbers) => numbers as [number, number]);

const linearRing = z
  .array(position)
  .min(4, 'a ring needs at least 4 positions')
  .max(1000, 'a ring has at most 1000 positions')
  .refine((ring) => {
    const [first, last] = [ring[0], ring.at(-1)];
    return !!first && !!last && first[0] === last[0] && first[1] === last[1];
  }, 'a ring must be closed: its last position equals its first');

const polygonShape = {
  type: z.literal('Polygon', 'must be "Polygon"'),
  coordinates: z.array(linearRing).min(1, 'needs an outer ring').max(20),
};

/** Each position converted the same way, so a closed ring stays closed. */
const storedPolygon = (coordinates: [number, number][][], from: CoordinateSystem) => ({
  type: 'Polygon' as const,
  coordinates: coordinates.map((ring) => ring.map((at) => storedPosition(at, from))),
});

/** A GeoJSON Polygon (RFC 7946) in WGS-84, as the district file gives it: an outer ring and optional holes; strict like the point. */
export const wgs84PolygonField = z.strictObject(polygonShape).transform(({ coordinates }) => storedPolygon(coordinates, 'WGS84'));

/** A polygon of an API input (`GeoJsonPolygonInput`), in the datum `coordinateSystem` names; the result is WGS-84. */
export const polygonInputField = z
  .object({ ...polygonShape, coordinateSystem: coordinateSystemField })
  .transform(({ coordinates, coordinateSystem }) => storedPolygon(coordinates, coordinateSystem));

/** Optional field where null means absent. In an update: absent → unchanged, null → cleared, value → set. */
export function absentIfNull<S extends z.ZodType>(schema: S) {
  return schema.nullish().transform((value) => value ?? undefined);
}

/** `first` of a connection: 1..100, default 20. */
export const pageArguments = {
  first: z.int('must be an integer').min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100').nullish().transform((value) => value ?? 20),
  after: z.string().max(1000, 'is not a cursor from this list').nullish(),
};
