import type { Logger } from '@aws-lambda-powertools/logger';
import { requireCaller, type Caller } from '../domain/caller';
import { createLoaders, type Loaders } from './loaders';

/** Every seeded district is in China; used only if a district item is missing. */
const DEFAULT_TIMEZONE = 'Asia/Shanghai';
import type { Services } from './services';

/** What every resolver receives. `caller` is absent for anonymous requests. */
export interface RequestContext {
  requestId: string;
  caller?: Caller;
  /** The client's address as the gateway saw it (rate limits on the public path). */
  clientAddress?: string;
  services: Services;
  logger: Logger;
  /** Loaders of the caller's district; UNAUTHENTICATED for an anonymous request. */
  loaders(): Loaders;
  /** A district's IANA time zone, read once per request (times are shown in it). */
  timezoneOf(districtId: string): Promise<string>;
  /** Issues this request reported: an anonymous reporter may see their own report's details. */
  reportedIssueIds: Set<string>;
}

export function createRequestContext(options: {
  requestId: string;
  caller?: Caller;
  clientAddress?: string;
  services: Services;
  logger: Logger;
}): RequestContext {
  let loaders: Loaders | undefined;
  const timezones = new Map<string, Promise<string>>();
  return {
    ...options,
    loaders: () => (loaders ??= createLoaders(options.services, requireCaller(options.caller).districtId)),
    timezoneOf: (districtId) => {
      if (!timezones.has(districtId)) {
        timezones.set(districtId, options.services.districts.get(districtId).then((district) => district?.timezone ?? DEFAULT_TIMEZONE));
      }
      return timezones.get(districtId)!;
    },
    reportedIssueIds: new Set<string>(),
  };
}
