import * as z from 'zod';
import { districtIdSchema } from '../domain/vocabulary';

const jobEnvironmentSchema = z.object({
  TABLE_NAME: z.string().min(1),
  /** The district this stack serves: a scheduled job works on it alone. */
  DISTRICT_ID: districtIdSchema,
  /** Set only off AWS: the DynamoDB Local endpoint. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).default('cn-north-1'),
  /** The bus the compliance job publishes to (compliance only). */
  EVENT_BUS_NAME: z.string().min(1).optional(),
});

export type JobEnvironment = z.infer<typeof jobEnvironmentSchema>;

/** The scheduled jobs' environment, read once when the module loads; fails naming every bad variable. */
export function readJobEnvironment(source: NodeJS.ProcessEnv = process.env): JobEnvironment {
  const parsed = jobEnvironmentSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}
