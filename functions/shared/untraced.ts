/**
 * Stands in for `@aws-lambda-powertools/tracer` in a bundle built without it (the Open311
 * function: infra/api-bundling.ts says why): the same surface shared/tracing.ts uses, all of it
 * a no-op, as the real Tracer is where tracing is off. Lambda's active tracing still records the
 * function's invocation segment.
 */
export class Tracer {
  constructor(_options?: { serviceName?: string }) {}
  isTracingEnabled(): boolean {
    return false;
  }
  captureAWSv3Client<Client>(client: Client): Client {
    return client;
  }
  getSegment(): undefined {
    return undefined;
  }
  setSegment(): void {}
  putAnnotation(): void {}
  annotateColdStart(): void {}
  addServiceNameAnnotation(): void {}
  addErrorAsMetadata(): void {}
}
