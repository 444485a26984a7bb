import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** An HTTP API (payload 2.0) event for an Open311 path: a GET with a query, or a url-encoded POST. */
export function open311Event(
  method: 'GET' | 'POST',
  path: string,
  options: { query?: Record<string, string>; form?: Record<string, string>; contentType?: string; sourceIp?: string } = {},
): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: `${method} /open311/v2/{proxy+}`,
    rawPath: path,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers: { 'content-type': options.contentType ?? 'application/x-www-form-urlencoded' },
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.form ? { body: new URLSearchParams(options.form).toString(), isBase64Encoded: false } : { isBase64Encoded: false }),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: options.sourceIp ?? '203.0.113.9', userAgent: 'test' },
      requestId: 'r',
      routeKey: `${method} /open311/v2/{proxy+}`,
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
  };
}
