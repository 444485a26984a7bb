import * as z from 'zod';
import { districtIdSchema } from '../domain/vocabulary';

const environmentSchema = z.object({
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

export type Environment = z.infer<typeof environmentSchema>;

let cached: Environment | undefined;

/** Reads the environment once and fails fast, naming every missing or malformed variable. */
export function readEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  if (cached && source === process.env) return cached;
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  if (source === process.env) cached = parsed.data;
  return parsed.data;
}
