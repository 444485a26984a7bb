import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { pageFor } from './pages';

/**
 * The residents' pages behind `GET /r/{code}` and `GET /t/{code}` of the public route: a small
 * function of its own, with no table access and no GraphQL (the pages call the public API from
 * the browser). Any other path is the gateway's 404. No Powertools Tracer: it makes no AWS call to
 * trace, and Tracer's 125 KB would be ten times the pages themselves (its bundle's budget is
 * 120 000 bytes); Lambda's active tracing records its invocations.
 */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const page = event.requestContext.http.method === 'GET' ? pageFor(event.rawPath) : undefined;
  if (!page) return { statusCode: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Not Found' }) };
  return { statusCode: 200, headers: page.headers, body: page.html };
}
