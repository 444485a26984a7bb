import * as z from 'zod';
import { COGNITO_CLAIM_MAPPING, claimMappingSchema } from '../domain/deployment/identity';
import { districtIdSchema } from '../domain/vocabulary';

/** JSON of a claim mapping (functions/domain/deployment/identity.ts); absent, the Cognito ID token's claims. */
const claimMappingVariable = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined) return COGNITO_CLAIM_MAPPING;
    try {
      return claimMappingSchema.parse(JSON.parse(text));
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `must be the JSON of a claim mapping (${(error as Error).message.slice(0, 200)})` });
      return z.NEVER;
    }
  });

/**
 * The functions' environment, in one place: a base schema every function reads (the API, the
 * onboarding resource), and the scheduled jobs' schema, which extends it. Each is read once per
 * container through the same fail-fast helper, whose error names every missing or malformed
 * variable (`Invalid environment: DISTRICT_ID: …; TABLE_NAME: …`).
 */
const baseEnvironmentSchema = z.object({
  TABLE_NAME: z.string().min(1),
  /** Set only off AWS (local server, tests): the DynamoDB Local endpoint. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).default('cn-north-1'),
  /**
   * Set by a district's stack: the one district this deployment serves. Absent locally, where
   * one table serves several districts and the token's district alone scopes each request.
   */
  DISTRICT_ID: districtIdSchema.optional(),
});

/**
 * The webhooks' variables (functions/store/webhooks/secret-box.ts, domain/webhooks/address-rules.ts):
 * the key that seals endpoint secrets, given as the cursor key is (the material itself off AWS,
 * the deployment's generated secret on AWS), and whether deliveries may go to loopback, an
 * explicit setting allowed off AWS only.
 */
const webhookVariables = {
  WEBHOOK_SECRET_KEY: z.string().min(32).optional(),
  WEBHOOK_SECRET_KEY_SECRET_ARN: z.string().regex(/^arn:aws[a-z-]*:secretsmanager:/, 'must be the ARN of a Secrets Manager secret').optional(),
  WEBHOOK_ALLOW_LOOPBACK: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
};

type WebhookVariables = { WEBHOOK_SECRET_KEY?: string; WEBHOOK_SECRET_KEY_SECRET_ARN?: string; WEBHOOK_ALLOW_LOOPBACK: boolean; DYNAMODB_ENDPOINT?: string };

const notBothWebhookKeys = (environment: WebhookVariables) => !(environment.WEBHOOK_SECRET_KEY && environment.WEBHOOK_SECRET_KEY_SECRET_ARN);
const notBothWebhookKeysProblem = { path: ['WEBHOOK_SECRET_KEY'], message: 'set WEBHOOK_SECRET_KEY or WEBHOOK_SECRET_KEY_SECRET_ARN, not both' };
const loopbackOffAwsOnly = (environment: WebhookVariables) => !environment.WEBHOOK_ALLOW_LOOPBACK || !!environment.DYNAMODB_ENDPOINT;
const loopbackOffAwsOnlyProblem = { path: ['WEBHOOK_ALLOW_LOOPBACK'], message: 'is allowed off AWS only (with DYNAMODB_ENDPOINT)' };

/**
 * The API's: the base variables and where the key of its cursors comes from (store/cursor.ts).
 * On AWS that is the deployment's generated secret; off AWS (DYNAMODB_ENDPOINT set) the key
 * itself, or, given neither, a random key of the process.
 */
const apiEnvironmentSchema = baseEnvironmentSchema
  .extend({
    /** The key material itself: the local server passes its data folder's key file, tests a fixed key. */
    CURSOR_KEY: z.string().min(32).optional(),
    /** Set by the stack: the Secrets Manager secret holding the key material, read once per container when a list is first paged. */
    CURSOR_KEY_SECRET_ARN: z.string().regex(/^arn:aws[a-z-]*:secretsmanager:/, 'must be the ARN of a Secrets Manager secret').optional(),
    ...webhookVariables,
    /** Set by the stack of a district whose staff sign in through an OIDC provider: which claims name the district, roles and officer. */
    IDENTITY_CLAIM_MAPPING: claimMappingVariable,
    /** The district's photo bucket (set by the stack and the local server); without it photos are refused. */
    PHOTO_BUCKET: z.string().min(1).optional(),
    /** Set only off AWS: the local S3-compatible server's endpoint. */
    S3_ENDPOINT: z.url().optional(),
  })
  .refine(notBothWebhookKeys, notBothWebhookKeysProblem)
  .refine(loopbackOffAwsOnly, loopbackOffAwsOnlyProblem)
  .refine((environment) => !(environment.CURSOR_KEY && environment.CURSOR_KEY_SECRET_ARN), {
    path: ['CURSOR_KEY'],
    message: 'set CURSOR_KEY or CURSOR_KEY_SECRET_ARN, not both',
  })
  .refine((environment) => environment.CURSOR_KEY || environment.CURSOR_KEY_SECRET_ARN || environment.DYNAMODB_ENDPOINT, {
    path: ['CURSOR_KEY_SECRET_ARN'],
    message: 'is required on AWS (without DYNAMODB_ENDPOINT)',
  });

/** The export function's: the base variables and the claim mapping its route's tokens are read through, as the API's. */
const exportEnvironmentSchema = baseEnvironmentSchema.extend({ IDENTITY_CLAIM_MAPPING: claimMappingVariable });

/** The scheduled jobs (roster, compliance) work on their stack's district alone, so they require it. */
const jobEnvironmentSchema = baseEnvironmentSchema.extend({
  DISTRICT_ID: districtIdSchema,
  /** The bus the compliance job publishes to (the roster job has none). */
  EVENT_BUS_NAME: z.string().min(1).optional(),
  /**
   * The erasure job: days a closed issue keeps its reporter's data, the district file's
   * `personalDataRetentionDays` (whose schema holds its range and default).
   */
  PERSONAL_DATA_RETENTION_DAYS: z.coerce.number().int().positive().optional(),
});

/** The webhook delivery and retry functions: a district's, with the key of its endpoints' secrets required on AWS. */
const webhookEnvironmentSchema = jobEnvironmentSchema
  .extend(webhookVariables)
  .refine(notBothWebhookKeys, notBothWebhookKeysProblem)
  .refine(loopbackOffAwsOnly, loopbackOffAwsOnlyProblem)
  .refine((environment) => environment.WEBHOOK_SECRET_KEY || environment.WEBHOOK_SECRET_KEY_SECRET_ARN || environment.DYNAMODB_ENDPOINT, {
    path: ['WEBHOOK_SECRET_KEY_SECRET_ARN'],
    message: 'is required on AWS (without DYNAMODB_ENDPOINT)',
  });
/** The outbox relay publishes to its district's bus and reads no table (its records come from the stream). */
const eventsEnvironmentSchema = z.object({
  AWS_REGION: z.string().min(1).default('cn-north-1'),
  EVENT_BUS_NAME: z.string().min(1),
});

/** The photo processor's: the bucket comes with each S3 event; off AWS the local S3 server's endpoint. */
const photoProcessorEnvironmentSchema = z.object({
  AWS_REGION: z.string().min(1).default('cn-north-1'),
  S3_ENDPOINT: z.url().optional(),
});

export type Environment = z.infer<typeof baseEnvironmentSchema>;
export type PhotoProcessorEnvironment = z.infer<typeof photoProcessorEnvironmentSchema>;
export type ApiEnvironment = z.infer<typeof apiEnvironmentSchema>;
export type ExportEnvironment = z.infer<typeof exportEnvironmentSchema>;
export type JobEnvironment = z.infer<typeof jobEnvironmentSchema>;
export type WebhookEnvironment = z.infer<typeof webhookEnvironmentSchema>;

/**
 * A reader of one schema: parses `source` and throws one Error naming every bad variable.
 * What it reads from `process.env` it keeps, so a container parses its environment once;
 * any other source (tests) is parsed on every call.
 */
function environmentReader<S extends z.ZodType<Record<string, unknown>>>(schema: S): (source?: NodeJS.ProcessEnv) => z.output<S> {
  let cached: z.output<S> | undefined;
  return (source = process.env) => {
    if (cached !== undefined && source === process.env) return cached;
    const parsed = schema.safeParse(source);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      throw new Error(`Invalid environment: ${problems.join('; ')}`);
    }
    if (source === process.env) cached = parsed.data;
    return parsed.data;
  };
}

const readBase = environmentReader(baseEnvironmentSchema);
const readApi = environmentReader(apiEnvironmentSchema);
const readJob = environmentReader(jobEnvironmentSchema);
const readExport = environmentReader(exportEnvironmentSchema);
const readWebhook = environmentReader(webhookEnvironmentSchema);
const readEvents = environmentReader(eventsEnvironmentSchema);
const readPhotoProcessor = environmentReader(photoProcessorEnvironmentSchema);

/** The onboarding function's environment, and the part of it every function shares; `DISTRICT_ID` is optional (absent locally). */
export function readEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  return readBase(source);
}

/** The API's environment: the base one with the source of its cursor key. */
export function readApiEnvironment(source: NodeJS.ProcessEnv = process.env): ApiEnvironment {
  return readApi(source);
}

/** The export function's environment: the base one with the district's claim mapping. */
export function readExportEnvironment(source: NodeJS.ProcessEnv = process.env): ExportEnvironment {
  return readExport(source);
}

/** A scheduled job's environment: the base one with `DISTRICT_ID` required, and `EVENT_BUS_NAME`. */
export function readJobEnvironment(source: NodeJS.ProcessEnv = process.env): JobEnvironment {
  return readJob(source);
}

/** The webhook functions' environment: a job's, with the key of the endpoints' secrets and the loopback setting. */
export function readWebhookEnvironment(source: NodeJS.ProcessEnv = process.env): WebhookEnvironment {
  return readWebhook(source);
}

/** The outbox relay's environment: its district's bus. */
export function readEventsEnvironment(source: NodeJS.ProcessEnv = process.env): z.output<typeof eventsEnvironmentSchema> {
  return readEvents(source);
}

/** The photo processor's environment: its region, and off AWS the local S3 server. */
export function readPhotoProcessorEnvironment(source: NodeJS.ProcessEnv = process.env): PhotoProcessorEnvironment {
  return readPhotoProcessor(source);
}
