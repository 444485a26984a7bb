import * as z from 'zod';
import { districtIdSchema } from '../domain/vocabulary';

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
    /** The district's photo bucket (set by the stack and the local server); without it photos are refused. */
    PHOTO_BUCKET: z.string().min(1).optional(),
    /** Set only off AWS: the local S3-compatible server's endpoint. */
    S3_ENDPOINT: z.url().optional(),
  })
  .refine((environment) => !(environment.CURSOR_KEY && environment.CURSOR_KEY_SECRET_ARN), {
    path: ['CURSOR_KEY'],
    message: 'set CURSOR_KEY or CURSOR_KEY_SECRET_ARN, not both',
  })
  .refine((environment) => environment.CURSOR_KEY || environment.CURSOR_KEY_SECRET_ARN || environment.DYNAMODB_ENDPOINT, {
    path: ['CURSOR_KEY_SECRET_ARN'],
    message: 'is required on AWS (without DYNAMODB_ENDPOINT)',
  });

/** The scheduled jobs (roster, compliance) work on their stack's district alone, so they require it. */
const jobEnvironmentSchema = baseEnvironmentSchema.extend({
  DISTRICT_ID: districtIdSchema,
  /** The bus the compliance job publishes to (the roster job has none). */
  EVENT_BUS_NAME: z.string().min(1).optional(),
});

/** The photo processor's: the bucket comes with each S3 event; off AWS the local S3 server's endpoint. */
const photoProcessorEnvironmentSchema = z.object({
  AWS_REGION: z.string().min(1).default('cn-north-1'),
  S3_ENDPOINT: z.url().optional(),
});

export type Environment = z.infer<typeof baseEnvironmentSchema>;
export type PhotoProcessorEnvironment = z.infer<typeof photoProcessorEnvironmentSchema>;
export type ApiEnvironment = z.infer<typeof apiEnvironmentSchema>;
export type JobEnvironment = z.infer<typeof jobEnvironmentSchema>;

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
const readPhotoProcessor = environmentReader(photoProcessorEnvironmentSchema);

/** The onboarding function's environment, and the part of it every function shares; `DISTRICT_ID` is optional (absent locally). */
export function readEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  return readBase(source);
}

/** The API's environment: the base one with the source of its cursor key. */
export function readApiEnvironment(source: NodeJS.ProcessEnv = process.env): ApiEnvironment {
  return readApi(source);
}

/** A scheduled job's environment: the base one with `DISTRICT_ID` required, and `EVENT_BUS_NAME`. */
export function readJobEnvironment(source: NodeJS.ProcessEnv = process.env): JobEnvironment {
  return readJob(source);
}

/** The photo processor's environment: its region, and off AWS the local S3 server. */
export function readPhotoProcessorEnvironment(source: NodeJS.ProcessEnv = process.env): PhotoProcessorEnvironment {
  return readPhotoProcessor(source);
}
