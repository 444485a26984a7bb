import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readOpen311Requests, readOpen311Updates } from '../../app/open311/read-requests';
import { submitOpen311Request } from '../../app/open311/submit-request';
import type { Services } from '../../app/services';
import { isServiceCode, open311Services, STATION_CODE_ATTRIBUTE } from '../../domain/open311/services';
import { BadUserInputError, NotFoundError, RateLimitedError } from '../../shared/errors';
import { CONTENT_TYPES, render, renderErrors, type Open311Format } from './formats';
import { requestRow, updateRow } from './representation';
import { routeOf, type Open311Route } from './routes';

export interface Open311ServerOptions {
  services: Services;
  /** The district this deployment serves; absent locally, where `jurisdiction_id` names it. */
  districtId?: string;
  /** Unexpected failures: logged by the caller, answered as a bare 500 in the spec's error shape. */
  logError(error: unknown): void;
}

class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly descriptions: string[],
    readonly headers: Record<string, string> = {},
  ) {
    super(descriptions.join('; '));
  }
}

/**
 * GeoReport v2 over an API Gateway (payload 2.0) event. A deployment serves its own district:
 * `jurisdiction_id` may be left out, and naming another district is 404; locally, where one
 * server holds every district, the reads need it (a report's district is its station code's).
 *
 * It routes by path and extension, reads the
 * query string or the url-encoded form, calls the use cases and renders XML or JSON. Errors are
 * the spec's `errors` shape with the HTTP status: 400 bad input (each problem naming its field),
 * 404 unknown resource, service, request or jurisdiction, 429 (with Retry-After) over the public
 * limits, 500 anything else.
 */
export function createOpen311Server(options: Open311ServerOptions) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const located = routeOf(event.requestContext.http.method, event.rawPath);
    const format: Open311Format = located?.format ?? 'xml';
    try {
      if (!located?.route) throw new Open311Error(404, [`no resource ${event.requestContext.http.method} ${event.rawPath}`]);
      const params = event.requestContext.http.method === 'POST' ? formOf(event) : { ...event.queryStringParameters };
      const body = await answer(options, located.route, format, params as Record<string, string>, event.requestContext.http.sourceIp);
      return { statusCode: 200, headers: { 'content-type': CONTENT_TYPES[format] }, body };
    } catch (error) {
      const failure = open311ErrorOf(error, options);
      return { statusCode: failure.status, headers: { 'content-type': CONTENT_TYPES[format], ...failure.headers }, body: renderErrors(format, failure.status, failure.descriptions) };
    }
  };
}

async function answer(options: Open311ServerOptions, route: Open311Route, format: Open311Format, params: Record<string, string>, clientAddress: string): Promise<string> {
  const { services } = options;
  const jurisdiction = params.jurisdiction_id;
  if (options.districtId && jurisdiction && jurisdiction !== options.districtId) throw new Open311Error(404, [`jurisdiction_id: no jurisdiction ${jurisdiction}`]);
  const districtId = options.districtId ?? jurisdiction ?? '';
  switch (route.resource) {
    case 'services':
      return render(format, 'services', 'service', open311Services());
    case 'service':
      if (!isServiceCode(route.code)) throw new Open311Error(404, [`service_code: no service ${route.code}`]);
      return render(format, 'service_definition', undefined, { service_code: route.code, attributes: format === 'xml' ? { attribute: [STATION_CODE_ATTRIBUTE] } : [STATION_CODE_ATTRIBUTE] });
    case 'requests': {
      if (route.method === 'POST') {
        const issue = await submitOpen311Request(services, params, { clientAddress });
        return render(format, 'service_requests', 'request', [{ service_request_id: issue.id, service_notice: '已受理，处理进度可按编号查询' }]);
      }
      const timezone = await timezoneOf(services, districtId);
      const issues = await readOpen311Requests(services, districtId, timezone, params);
      return render(format, 'service_requests', 'request', issues.map((issue) => requestRow(issue, timezone)));
    }
    case 'request': {
      const timezone = await timezoneOf(services, districtId);
      const issue = await services.issues.get(districtId, route.id);
      if (!issue) throw new Open311Error(404, [`service_request_id: no request ${route.id}`]);
      return render(format, 'service_requests', 'request', [requestRow(issue, timezone)]);
    }
    case 'updates': {
      const timezone = await timezoneOf(services, districtId);
      const updates = await readOpen311Updates(services, districtId, timezone, params);
      return render(format, 'service_requests_updates', 'request_update', updates.map(({ update, issue }) => updateRow(update, issue, timezone)));
    }
  }
}

/** The district's zone, every time the API answers is in; an unknown district is an unknown jurisdiction. */
async function timezoneOf(services: Services, districtId: string): Promise<string> {
  if (!districtId) throw new Open311Error(400, ['jurisdiction_id: is required']);
  const district = await services.districts.get(districtId);
  if (!district) throw new Open311Error(404, [`jurisdiction_id: no jurisdiction ${districtId}`]);
  return district.timezone;
}

function formOf(event: APIGatewayProxyEventV2): Record<string, string> {
  const contentType = event.headers['content-type'] ?? '';
  if (!contentType.startsWith('application/x-www-form-urlencoded')) throw new Open311Error(400, ['the body must be application/x-www-form-urlencoded']);
  const text = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  return Object.fromEntries(new URLSearchParams(text));
}

function open311ErrorOf(error: unknown, options: Open311ServerOptions): Open311Error {
  if (error instanceof Open311Error) return error;
  if (error instanceof BadUserInputError) return new Open311Error(400, error.fields.map((field) => `${field.path}: ${field.message}`));
  if (error instanceof NotFoundError) return new Open311Error(404, [error.message]);
  if (error instanceof RateLimitedError) return new Open311Error(429, [error.message], { 'retry-after': String(error.retryAfterSeconds) });
  options.logError(error);
  return new Open311Error(500, ['internal error']);
}
