import * as z from 'zod';
import { districtIdSchema, officerRoleSchema, stationKindSchema, weekdaySchema } from './vocabulary';
import { defaultDutyPolicy, type DutyPolicy } from './duty-policy';
import { DEFAULT_RETENTION_DAYS, RETENTION_DAYS_RANGE } from './privacy/personal-data';
import { wgs84PointField, idField, nameField, wgs84PolygonField, textField } from './validation/fields';
import { amenitiesField, serviceCodeField } from './validation/reference-inputs';
import { customDomainSchema } from './deployment/custom-domain';
import { identitySchema, isLoopbackIssuer, type Identity } from './deployment/identity';
import { logRetentionDaysSchema } from './deployment/log-retention';
import { isChinaRegion, regionSchema } from './deployment/region';
import { DEFAULT_TRACE_SAMPLE_RATE, tracingSchema, type TracingSettings } from './deployment/tracing';
import { reportUrlProblem } from './report-url';

/**
 * The district onboarding file (`infra/districts/<id>.json`): the district, its duty policy,
 * and the stations, officers and grids it starts with. The same field rules as the API's
 * inputs apply, so seeded data is data the API itself would accept. Objects are strict: a
 * misspelt key in a hand-edited file is an error, not a silently ignored field. Its points and
 * grid boundaries are WGS-84, as stored: unlike the API's inputs it takes no `coordinateSystem`
 * (a boundary drawn on a GCJ-02 or BD-09 map is converted before it goes into the file).
 */


const localTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a local time HH:mm');

const shiftWindow = z
  .strictObject({ name: z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'must be 1–32 capitals, digits or "_"'), start: localTime, end: localTime })
  .refine((window) => window.start < window.end, { message: 'must end after it starts', path: ['end'] });

/** Overrides of the default duty policy; whatever is absent keeps its default. */
const policyOverrides = z
  .strictObject({
    minSessionsPerWeek: z.int().min(1).max(21),
    minSessionMinutes: z.int().min(1).max(1440),
    minEnforcementPerSession: z.int().min(0).max(20),
    minPartyMembersPerTeam: z.int().min(0).max(20),
    maxWeeklyDutyMinutes: z.int().min(1).max(10080),
    sessionsOnDistinctDays: z.boolean(),
    shiftWindows: z
      .array(shiftWindow)
      .min(1, 'needs at least one window')
      .max(6)
      .refine((windows) => new Set(windows.map((window) => window.name)).size === windows.length, 'window names must be unique'),
  })
  .partial();

const isTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
};

/**
 * Why a string cannot be a CORS origin, or undefined when it is one. Browsers send `Origin` as
 * scheme, host and port only (lower-case, no default port, no path), and CORS compares it exactly:
 * anything else would never match, and `*` would let every site call with a user's token.
 */
export function originProblem(value: string): string | undefined {
  if (value.includes('*')) return 'must name each front end\'s origin, not "*" (wildcards are refused)';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an http(s) origin: scheme, host and optional port, such as http://localhost:5173';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) origin: scheme, host and optional port';
  if (url.origin === value) return undefined;
  if (`${url.origin}/` === value) return `must not end with "/": write ${url.origin}`;
  if (url.pathname !== '/' || url.search || url.hash) return `must be an origin without a path, query or fragment: write ${url.origin}`;
  return `must be written as browsers send it: ${url.origin}`;
}

const stationEntry = z.strictObject({
  id: idField,
  name: nameField,
  kind: stationKindSchema,
  community: textField.optional(),
  address: textField.optional(),
  location: wgs84PointField.optional(),
  amenities: amenitiesField.default([]),
  serviceCode: serviceCodeField,
});

const officerEntry = z.strictObject({
  id: idField,
  name: nameField,
  role: officerRoleSchema,
  partyMember: z.boolean().default(false),
  phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{4,19}$/, 'must be a phone number (digits, spaces, "-", optional leading "+")').optional(),
  stationId: idField.optional(),
  unavailableWeekdays: z.array(weekdaySchema).max(7).default([]).transform((days) => [...new Set(days)]),
  maxWeeklyDutyMinutes: z.int('must be an integer').min(1).max(10080).optional(),
});

const gridEntry = z.strictObject({
  id: idField,
  code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, 'must be 1–32 capitals, digits or "-"'),
  name: nameField,
  community: textField.optional(),
  stationId: idField,
  leaderId: idField.optional(),
  /** A grid's creation checks every member in one transaction (≤ 100 items), as the API does. */
  officerIds: z.array(idField).max(95, 'at most 95 officers per grid').default([]),
  boundary: wgs84PolygonField.optional(),
});

/**
 * The fields the cross-checks read. They run whenever these have the right types, even if
 * other fields are wrong, so one parse reports every mistake in the file.
 */
const referenceShape = z.object({
  id: z.string(),
  stations: z.array(z.object({ id: z.string(), serviceCode: z.string() })),
  officers: z.array(z.object({ id: z.string(), stationId: z.string().optional() })),
  grids: z.array(
    z.object({ id: z.string(), code: z.string(), stationId: z.string(), leaderId: z.string().optional(), officerIds: z.array(z.string()) }),
  ),
});

type References = z.output<typeof referenceShape>;
type Report = (path: (string | number)[], message: string) => void;

/** Reports every repeat of a value at its own path; answers the set of values. */
function uniqueValues(values: string[], field: (index: number) => (string | number)[], what: string, report: Report): Set<string> {
  const first = new Map<string, number>();
  values.forEach((value, index) => {
    const earlier = first.get(value);
    if (earlier === undefined) first.set(value, index);
    else report(field(index), `duplicate ${what} "${value}" (also at ${field(earlier).join('.')})`);
  });
  return new Set(first.keys());
}

function crossCheck(file: References, report: Report): void {
  const stationIds = uniqueValues(file.stations.map((s) => s.id), (i) => ['stations', i, 'id'], 'station id', report);
  const officerIds = uniqueValues(file.officers.map((o) => o.id), (i) => ['officers', i, 'id'], 'officer id', report);
  uniqueValues(file.grids.map((g) => g.id), (i) => ['grids', i, 'id'], 'grid id', report);
  uniqueValues(file.stations.map((s) => s.serviceCode), (i) => ['stations', i, 'serviceCode'], 'service code', report);
  uniqueValues(file.grids.map((g) => g.code), (i) => ['grids', i, 'code'], 'grid code', report);

  const prefix = `${file.id}-`;
  file.stations.forEach((station, i) => {
    if (!station.serviceCode.startsWith(prefix) || !/^[A-Z0-9]{4,12}$/.test(station.serviceCode.slice(prefix.length))) {
      report(['stations', i, 'serviceCode'], `must be "${prefix}" followed by 4 to 12 capitals or digits`);
    }
  });

  const mustBeStation = (id: string, path: (string | number)[]) => {
    if (!stationIds.has(id)) report(path, `no station "${id}" in this file`);
  };
  const mustBeOfficer = (id: string, path: (string | number)[]) => {
    if (!officerIds.has(id)) report(path, `no officer "${id}" in this file`);
  };
  file.officers.forEach((officer, i) => {
    if (officer.stationId !== undefined) mustBeStation(officer.stationId, ['officers', i, 'stationId']);
  });
  file.grids.forEach((grid, i) => {
    mustBeStation(grid.stationId, ['grids', i, 'stationId']);
    if (grid.leaderId !== undefined) mustBeOfficer(grid.leaderId, ['grids', i, 'leaderId']);
    grid.officerIds.forEach((id, j) => mustBeOfficer(id, ['grids', i, 'officerIds', j]));
    uniqueValues(grid.officerIds, (j) => ['grids', i, 'officerIds', j], 'officer', report);
  });
}

/**
 * Where and how the district is deployed: its region (absent: the region the deploying profile
 * names), its staff's identity provider (Cognito by default, which the China regions lack: there
 * it must be an OIDC provider), the API's custom domain, how long its logs are kept, and how much
 * of its traffic X-Ray traces (refused in the China regions, where Lambda has no X-Ray integration:
 * a rate there would promise traces that never come).
 */
function checkDeployment(file: { region?: string; identity?: Identity; adminEmails: string[]; tracing?: TracingSettings }, report: Report): void {
  if (file.identity?.kind === 'oidc' && file.adminEmails.length > 0) {
    report(['adminEmails'], 'must be empty for an OIDC district: its administrators are the members of the provider\'s ADMIN group (identity.roleValues.ADMIN)');
  }
  if (!isChinaRegion(file.region)) return;
  if (file.tracing !== undefined) {
    report(['tracing'], `cannot be set in ${file.region}: Lambda has no X-Ray integration in the China regions, so no function there is traced; remove it`);
  }
  if (file.identity === undefined) {
    report(['identity'], `is required in ${file.region}: Amazon Cognito user pools are not available in the China regions; name the district's OIDC provider ({ "kind": "oidc", "issuer", "audience", "claims", "roleValues" })`);
  } else if (file.identity.kind === 'cognito') {
    report(['identity', 'kind'], `cannot be "cognito" in ${file.region}: Amazon Cognito user pools and Cognito authorizers are not available in the China regions; use "oidc" with the district's own identity provider`);
  } else if (isLoopbackIssuer(file.identity.issuer)) {
    report(['identity', 'issuer'], 'must be reachable from the internet for a deployed district, not a provider on localhost');
  }
}

export const districtFileSchema = z
  .strictObject({
    id: districtIdSchema,
    region: regionSchema.optional(),
    identity: identitySchema.optional(),
    domain: customDomainSchema.optional(),
    logRetentionDays: logRetentionDaysSchema,
    /** X-Ray's sampling of this district's functions (absent: 5 %); not in the China regions. */
    tracing: tracingSchema.optional(),
    name: nameField,
    timezone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai'),
    /** The output carries the full policy: the file's overrides merged over the defaults. */
    policy: policyOverrides
      .optional()
      .transform((overrides): DutyPolicy => ({ ...structuredClone(defaultDutyPolicy), ...overrides })),
    allowedOrigins: z
      .array(
        z.string().check((ctx) => {
          const problem = originProblem(ctx.value);
          if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
        }),
      )
      .default([]),
    adminEmails: z.array(z.email('must be an email address')).default([]),
    /** Days a closed issue keeps its reporter's contact and photos of people (functions/domain/privacy/personal-data.ts). */
    personalDataRetentionDays: z.int().min(RETENTION_DAYS_RANGE.min).max(RETENTION_DAYS_RANGE.max).default(DEFAULT_RETENTION_DAYS),
    /** The URL template of the stations' QR codes (report-url.ts); absent: this deployment's own page `/r/{code}`. */
    reportUrl: z
      .string()
      .check((ctx) => {
        const problem = reportUrlProblem(ctx.value);
        if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
      })
      .optional(),
    stations: z.array(stationEntry).default([]),
    officers: z.array(officerEntry).default([]),
    grids: z.array(gridEntry).default([]),
  })
  .superRefine((file, ctx) => crossCheck(file, (path, message) => ctx.addIssue({ code: 'custom', path, message })), {
    when: (payload) => referenceShape.safeParse(payload.value).success,
  })
  .superRefine((file, ctx) => checkDeployment(file, (path, message) => ctx.addIssue({ code: 'custom', path, message })))
  /** Outside China a file without `identity` keeps today's Cognito user pool, and one without `tracing` samples 5 %. */
  .transform((file) => ({
    ...file,
    identity: file.identity ?? ({ kind: 'cognito' } as Identity),
    tracing: file.tracing ?? { sampleRate: DEFAULT_TRACE_SAMPLE_RATE },
  }));

export type DistrictFile = z.output<typeof districtFileSchema>;

/**
 * Validates a parsed district file. Throws one Error naming the file and every bad field
 * (`infra/districts/x.json: stations.3.serviceCode: …; grids.0.boundary.coordinates.0: …`),
 * so an operator fixes the whole file in one round.
 */
export function parseDistrictFile(json: unknown, fileName: string): DistrictFile {
  const parsed = districtFileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`);
  throw new Error(`${fileName}: ${problems.join('; ')}`);
}
