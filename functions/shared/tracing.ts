import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * The functions' X-Ray tracer, one per container (Powertools Tracer). It traces only inside a
 * Lambda function (`AWS_EXECUTION_ENV` set) with `POWERTOOLS_TRACE_ENABLED` not `false`: on the
 * local server, in the tests and in the China regions (where the stack sets it to `false`: Lambda
 * has no X-Ray integration there) every method below is a no-op and clients are returned as given.
 *
 * What it records never carries personal data: annotations are names from a bounded set
 * (operation, district, cold start, service), responses are not captured, and an error is
 * recorded with its class and message only, which our errors keep free of inputs.
 */
export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'community-city-services' });

/**
 * An AWS SDK v3 client whose every call is an X-Ray subsegment (service, operation, table or
 * bucket name, retries, errors). Applied where the clients are built: the store's DynamoDB client,
 * the photo bucket's S3 client, the EventBridge publishers, the Secrets Manager readers.
 */
export const traced = <Client>(client: Client): Client => tracer.captureAWSv3Client(client);

/** What a handler subsegment may be annotated with: bounded names, never inputs. */
export type TraceAnnotations = Record<string, string | number | boolean | undefined>;

/** Adds annotations (searchable in X-Ray: `annotation.operation = "reportIssue"`) to the current subsegment; undefined values are skipped. */
export function annotate(annotations: TraceAnnotations): void {
  if (!tracer.isTracingEnabled()) return;
  for (const [key, value] of Object.entries(annotations)) if (value !== undefined) tracer.putAnnotation(key, value);
}

/**
 * Runs one invocation in its own `## handler` subsegment under the facade segment Lambda made:
 * annotated with the cold start, the service and the district, its error recorded (then
 * rethrown), its response never captured. Every function's handler goes through here, so the
 * subsegments of its AWS calls hang under it.
 */
export async function withHandlerSegment<Result>(annotations: TraceAnnotations, invocation: () => Promise<Result>): Promise<Result> {
  if (!tracer.isTracingEnabled()) return invocation();
  const facade = tracer.getSegment();
  if (!facade) return invocation();
  const subsegment = facade.addNewSubsegment('## handler');
  tracer.setSegment(subsegment);
  tracer.annotateColdStart();
  tracer.addServiceNameAnnotation();
  annotate(annotations);
  try {
    return await invocation();
  } catch (error) {
    tracer.addErrorAsMetadata(error as Error);
    throw error;
  } finally {
    subsegment.close();
    tracer.setSegment(facade);
  }
}

/** A Lambda handler traced by withHandlerSegment, with the function's fixed annotations (its district, from its environment). */
export function tracedHandler<Args extends unknown[], Result>(annotations: TraceAnnotations, handler: (...args: Args) => Promise<Result>): (...args: Args) => Promise<Result> {
  return (...args) => withHandlerSegment(annotations, () => handler(...args));
}
