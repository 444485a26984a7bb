import fc from 'fast-check';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';

/** Values that exist (or almost exist) in the table under test: what makes a generated call reach the resolvers. */
export interface FuzzPools {
  /** Ids of the caller's district, of another district, and of nothing. */
  ids: string[];
  /** Cursors of real lists (this district's and another's) and forged ones. */
  cursors: string[];
  serviceCodes: string[];
  shiftIds: string[];
}

/**
 * How a call's variables are made:
 * - `plausible`: what a front end sends: valid shapes, pooled ids, a few fields; most are accepted,
 *   so the write paths and their answers run too;
 * - `odd`: every value of its declared GraphQL type, so it passes GraphQL's coercion, but odd:
 *   forged ids, huge and strange strings, extreme numbers, impossible dates, nulls, fields left out;
 *   the resolvers' zod schemas and the store meet them;
 * - `hostile`: wrong types, nulls for required values, unknown fields, out-of-range scalars at
 *   every level, for GraphQL's own checks.
 */
export type Mode = 'plausible' | 'odd' | 'hostile';

/** Marks an argument or input field left out of the variables (not even `null`). */
export const ABSENT = Symbol('absent');

const hugeString = fc
  .tuple(fc.constantFrom('a', '界', '😀', ' ', '\u0000', '\u202e', 'ab\\"'), fc.integer({ min: 301, max: 24_000 }))
  .map(([unit, times]) => unit.repeat(times));

/** Strings people and attackers send: unicode of every kind, control characters, injection, paths, key syntax. */
const oddText = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: hugeString, weight: 1 },
  {
    arbitrary: fc.constantFrom('', '   ', '\t\n', 'null', 'undefined', "' OR '1'='1", '${jndi:ldap://127.0.0.1/a}', '<script>alert(1)</script>', '../../etc/passwd', 'D#dingnan#ISSUE#1', ':pk', '#sk', '\ud800', 'NaN', '-0'),
    weight: 2,
  },
);

const plausibleText = fc.oneof(
  fc.constantFrom('路灯不亮', '垃圾两天没清运', '占道经营 🚧', '富田社区', 'Main St. 12', '已处理'),
  fc.stringMatching(/^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9 \u4e00-\u9fa5]{0,20}[A-Za-z0-9\u4e00-\u9fa5]$/),
);

/** Anything JSON can carry: what a client sends when it gets a type wrong. */
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 10 }),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxKeys: 3 }),
);

const forgedId = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  fc.constantFrom('', ' dn-s-01 ', 'DN-S-01', 'dn-s-01#', 'x'.repeat(65), 'dn-s-99', '0', '-1', '00000000-0000-0000-0000-000000000000'),
  oddText,
);

/** 32-bit integers GraphQL accepts, biased to the small values arguments take, with the extremes. */
const oddInt = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 100 }), weight: 5 },
  { arbitrary: fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }), weight: 2 },
  { arbitrary: fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648), weight: 2 },
);
const notInt = fc.constantFrom(2_147_483_648, -2_147_483_649, Number.MAX_SAFE_INTEGER, 1e21, 1.5, -0.5, '5', '1e3', '');

const oddFloat = fc.oneof(
  { arbitrary: fc.double({ min: -200, max: 200, noNaN: true }), weight: 5 },
  { arbitrary: fc.constantFrom(0, -0, 90, -90, 180, -180, 90.000001, 1e308, -1e308, 5e-324, 24.7755, 115.0227), weight: 2 },
);
const notFloat = fc.constantFrom('24.7', true, '');

/** Date-times the scalar lets through (zod judges them): real instants, and impossible ones of the right shape. */
const oddDateTime = fc.oneof(
  {
    arbitrary: fc
      .tuple(fc.integer({ min: Date.parse('2024-01-01'), max: Date.parse('2028-12-31') }), fc.constantFrom('Z', '+08:00', '-05:00', '+14:00'))
      .map(([ms, zone]) => new Date(ms).toISOString().replace('Z', zone)),
    weight: 5,
  },
  { arbitrary: fc.constantFrom('2026-02-30T09:00:00Z', '2026-11-21T24:00:00Z', '2026-11-21T23:59:60Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59+14:00', '2026-13-45T99:99:99+99:99'), weight: 2 },
);
const notDateTime = fc.constantFrom('2026-11-21T09:30:00', '2026-11-21', '+275760-09-13T00:00:00Z', 'yesterday', '');

const oddDate = fc.oneof(
  { arbitrary: fc.integer({ min: Date.parse('2024-01-01'), max: Date.parse('2028-12-31') }).map((ms) => new Date(ms).toISOString().slice(0, 10)), weight: 5 },
  { arbitrary: fc.constantFrom('2026-02-30', '0000-01-01', '9999-12-31', '1900-01-01', '2100-12-31'), weight: 2 },
);
const notDate = fc.constantFrom('2026-13-01', '2026-1-1', '20261121', '');

const oddIsoWeek = fc.oneof(
  { arbitrary: fc.tuple(fc.constantFrom(2025, 2026, 2027), fc.integer({ min: 1, max: 53 })).map(([year, week]) => `${year}-W${String(week).padStart(2, '0')}`), weight: 5 },
  { arbitrary: fc.constantFrom('0000-W01', '9999-W52'), weight: 1 },
);
const notIsoWeek = fc.constantFrom('2026-W00', '2026-W54', '2026W48', '2026-w48', '');

const hhmm = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  fc.constantFrom('24:00', '08:60', '8:00', 'noon', '12:00:00'),
);

/** A closed square ring near Dingnan's grids. */
const validRing = fc
  .tuple(fc.double({ min: 114.9, max: 115.1, noNaN: true }), fc.double({ min: 24.6, max: 24.9, noNaN: true }), fc.double({ min: 0.0001, max: 0.05, noNaN: true }))
  .map(([lng, lat, size]) => [[lng, lat], [lng + size, lat], [lng + size, lat + size], [lng, lat + size], [lng, lat]]);
const brokenRing = fc.constantFrom([[115, 24.7], [115.1, 24.7], [115, 24.8]], [[0, 0]], [], [[200, 100], [0, 0], [1, 1], [200, 100]]);

const plausible = <T>(pick: readonly T[]) => fc.constantFrom(...pick);

/** Values for arguments and input fields whose name says what they hold. */
function byName(name: string, pools: FuzzPools, mode: Mode): fc.Arbitrary<unknown> | undefined {
  const sane = mode === 'plausible';
  switch (name) {
    case 'after':
      return sane ? plausible(pools.cursors) : fc.oneof({ arbitrary: plausible(pools.cursors), weight: 3 }, fc.base64String({ maxLength: 80 }), oddText);
    case 'serviceCode':
    case 'code':
      return sane ? plausible(pools.serviceCodes) : fc.oneof({ arbitrary: plausible(pools.serviceCodes), weight: 3 }, fc.stringMatching(/^[a-z-]{1,20}-[A-Z0-9]{1,10}$/), oddText);
    case 'shiftId':
      return sane ? plausible(pools.shiftIds) : fc.oneof({ arbitrary: plausible(pools.shiftIds), weight: 3 }, forgedId);
    case 'reporterContact':
    case 'phone':
      return sane ? plausible(['13800000000', '+86 138 0000 0000', 'resident@example.cn']) : fc.oneof(plausible(['12345', 'not a contact', '1'.repeat(30)]), fc.stringMatching(/^\+?[0-9 -]{5,25}$/), oddText);
    case 'photoUrls':
      return sane
        ? fc.array(fc.webUrl({ validSchemes: ['https'] }), { maxLength: 3 })
        : fc.array(fc.oneof(fc.webUrl({ validSchemes: ['https'] }), plausible(['http://example.cn/a.jpg', 'javascript:alert(1)', 'file:///etc/passwd', 'https://']), oddText), { maxLength: 12 });
    case 'start':
    case 'end':
      return sane ? plausible(name === 'start' ? ['08:00', '12:00'] : ['12:00', '16:00']) : hhmm;
    case 'type':
      return sane ? fc.constant('Polygon') : fc.oneof({ arbitrary: fc.constant('Polygon'), weight: 3 }, plausible(['Point', 'polygon', '']));
    case 'coordinates':
      return sane ? fc.array(validRing, { minLength: 1, maxLength: 1 }) : fc.oneof(fc.array(fc.oneof(validRing, brokenRing), { minLength: 1, maxLength: 2 }), plausible([[], [[]], [[[]]]]));
    case 'startsAt':
      return sane ? plausible(['2026-11-17T09:00:00+08:00', '2026-11-18T14:00:00+08:00']) : undefined;
    case 'endsAt':
      return sane ? plausible(['2026-11-17T11:00:00+08:00', '2026-11-18T16:30:00+08:00']) : undefined;
    case 'from':
    case 'to':
      return sane ? plausible(['2026-11-20', '2026-11-23', '2026-11-29']) : undefined;
    case 'week':
      return sane ? plausible(['2026-W47', '2026-W48', '2026-W49']) : undefined;
    case 'lat':
      return sane ? fc.double({ min: 24.6, max: 24.9, noNaN: true }) : undefined;
    case 'lng':
      return sane ? fc.double({ min: 114.9, max: 115.1, noNaN: true }) : undefined;
    default:
      return undefined;
  }
}

/** A value of the scalar's own type; hostile calls also get values GraphQL's coercion refuses. */
function scalarValue(name: string, pools: FuzzPools, mode: Mode): fc.Arbitrary<unknown> {
  const orNot = (valid: fc.Arbitrary<unknown>, invalid: fc.Arbitrary<unknown>) => (mode === 'hostile' ? fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: invalid, weight: 1 }) : valid);
  if (mode === 'plausible') {
    switch (name) {
      case 'ID':
        return plausible(pools.ids);
      case 'Int':
        return fc.integer({ min: 1, max: 100 });
      case 'Float':
        return fc.double({ min: -90, max: 90, noNaN: true });
      case 'Boolean':
        return fc.boolean();
      default:
        return scalarValue(name, pools, 'odd');
    }
  }
  switch (name) {
    case 'ID':
      return fc.oneof({ arbitrary: plausible(pools.ids), weight: 5 }, { arbitrary: forgedId, weight: 2 }, { arbitrary: fc.integer(), weight: 1 });
    case 'String':
      return oddText;
    case 'Int':
      return orNot(oddInt, notInt);
    case 'Float':
      return orNot(oddFloat, notFloat);
    case 'Boolean':
      return orNot(fc.boolean(), fc.constantFrom('true', 0, 1));
    case 'DateTime':
      return orNot(oddDateTime, notDateTime);
    case 'Date':
      return orNot(oddDate, notDate);
    case 'IsoWeek':
      return orNot(oddIsoWeek, notIsoWeek);
    default:
      return oddText;
  }
}

/** Values for a GraphQL input type, made the way `mode` says. */
export function valueOf(type: GraphQLInputType, name: string, pools: FuzzPools, mode: Mode): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const value = typedValue(type.ofType, name, pools, mode);
    return mode === 'hostile' ? fc.oneof({ arbitrary: value, weight: 10 }, { arbitrary: fc.constant(null), weight: 1 }) : value;
  }
  const value = typedValue(type, name, pools, mode);
  if (mode === 'hostile') return fc.oneof({ arbitrary: value, weight: 10 }, { arbitrary: fc.constant(null), weight: 1 }, { arbitrary: wrongType, weight: 1 });
  return fc.oneof({ arbitrary: value, weight: mode === 'plausible' ? 20 : 8 }, { arbitrary: fc.constant(null), weight: 1 });
}

function typedValue(type: GraphQLInputType, name: string, pools: FuzzPools, mode: Mode): fc.Arbitrary<unknown> {
  const named = byName(name, pools, mode);
  if (named) return named;
  if (isListType(type)) {
    const item = valueOf(type.ofType, name, pools, mode);
    if (mode === 'plausible') return fc.array(item, { maxLength: 3 });
    return fc.oneof({ arbitrary: fc.array(item, { maxLength: 4 }), weight: 6 }, { arbitrary: fc.array(item, { minLength: 40, maxLength: 120 }), weight: 1 }, { arbitrary: item, weight: 1 });
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).map((field) => {
      const value = valueOf(field.type, field.name, pools, mode);
      const required = isNonNullType(field.type) && mode !== 'hostile';
      return [field.name, required ? value : fc.option(value, { freq: mode === 'plausible' ? 2 : 4, nil: ABSENT })] as const;
    });
    const extra =
      mode === 'hostile'
        ? fc.option(fc.tuple(fc.constantFrom('districtId', 'PK', '__proto__', 'version', 'unknownField'), fc.oneof(fc.string({ maxLength: 8 }), fc.integer())), { freq: 4, nil: undefined })
        : fc.constant(undefined);
    return fc.tuple(fc.tuple(...fields.map(([, arbitrary]) => arbitrary)), extra).map(([values, unknown]) => ({
      ...withoutAbsent(fields.map(([fieldName], index) => [fieldName, values[index]])),
      ...(unknown ? { [unknown[0]]: unknown[1] } : {}),
    }));
  }
  if (isEnumType(type)) {
    const values = plausible(type.getValues().map((value) => value.name));
    return mode === 'hostile' ? fc.oneof({ arbitrary: values, weight: 3 }, { arbitrary: fc.constantFrom('', 'NOPE', 'admin'), weight: 1 }) : values;
  }
  if (isScalarType(type)) return type.name === 'String' && mode === 'plausible' ? plausibleText : scalarValue(type.name, pools, mode);
  return wrongType;
}

/** Variables for a field's arguments: plausible in half the calls, odd or hostile in a quarter each (see Mode). */
export function variablesOf(args: readonly GraphQLArgument[], pools: FuzzPools): fc.Arbitrary<Record<string, unknown>> {
  const modes = fc.oneof({ arbitrary: fc.constant<Mode>('plausible'), weight: 2 }, fc.constant<Mode>('odd'), fc.constant<Mode>('hostile'));
  return modes.chain((mode) => {
    const arbitraries = args.map((arg) => {
      const value = valueOf(arg.type, arg.name, pools, mode);
      return isNonNullType(arg.type) && mode !== 'hostile' ? value : fc.option(value, { freq: 12, nil: ABSENT });
    });
    return fc.tuple(...arbitraries).map((values) => withoutAbsent(args.map((arg, index) => [arg.name, values[index]])));
  });
}

function withoutAbsent(entries: (readonly [string, unknown])[]): Record<string, unknown> {
  return Object.fromEntries(entries.filter(([, value]) => value !== ABSENT));
}
