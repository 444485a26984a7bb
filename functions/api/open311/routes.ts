import type { Open311Format } from './formats';

/** The GeoReport v2 resources served under `/open311/v2/`, with FixMyStreet's updates extension. */
export type Open311Route =
  | { resource: 'services'; method: 'GET' }
  | { resource: 'service'; method: 'GET'; code: string }
  | { resource: 'requests'; method: 'GET' | 'POST' }
  | { resource: 'request'; method: 'GET'; id: string }
  | { resource: 'updates'; method: 'GET' };

export const OPEN311_BASE_PATH = '/open311/v2/';

const PATTERNS: { pattern: RegExp; route: (match: RegExpExecArray, method: string) => Open311Route | undefined }[] = [
  { pattern: /^services$/, route: (_m, method) => (method === 'GET' ? { resource: 'services', method } : undefined) },
  { pattern: /^services\/([^/]+)$/, route: (m, method) => (method === 'GET' ? { resource: 'service', method, code: decodeURIComponent(m[1]!) } : undefined) },
  { pattern: /^requests$/, route: (_m, method) => (method === 'GET' || method === 'POST' ? { resource: 'requests', method } : undefined) },
  { pattern: /^requests\/([^/]+)$/, route: (m, method) => (method === 'GET' ? { resource: 'request', method, id: decodeURIComponent(m[1]!) } : undefined) },
  { pattern: /^servicerequestupdates$/, route: (_m, method) => (method === 'GET' ? { resource: 'updates', method } : undefined) },
];

/**
 * The route and format of a path such as `/open311/v2/requests/abc.xml`. The format is the
 * extension, as the spec has it; a path without one, or with another, is not a resource.
 * Answers `{ format, route: undefined }` for a known format but unknown resource or method.
 */
export function routeOf(method: string, path: string): { format: Open311Format; route: Open311Route | undefined } | undefined {
  if (!path.startsWith(OPEN311_BASE_PATH)) return undefined;
  const resource = /^(.+)\.(xml|json)$/.exec(path.slice(OPEN311_BASE_PATH.length));
  if (!resource) return undefined;
  const format = resource[2] as Open311Format;
  for (const { pattern, route } of PATTERNS) {
    const match = pattern.exec(resource[1]!);
    if (match) return { format, route: route(match, method) };
  }
  return { format, route: undefined };
}
