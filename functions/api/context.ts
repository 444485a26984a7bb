import type { Logger } from '@aws-lambda-powertools/logger';
import { requireCaller, type Caller } from '../domain/caller';
import { DEFAULT_LANGUAGE, type Language } from '../domain/messages/language';
import { createLoaders, type Loaders } from './loaders';
import { servicesOfRequest, type Services } from '../app/services';

/** Every seeded district is in China; used only if a district item is missing. */
const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** What every resolver receives. `caller` is absent for anonymous requests. */
export interface RequestContext {
  requestId: string;
  /** Dropped before execution when the token names an officer who is inactive or unknown (auth/active-officer.ts). */
  caller?: Caller;
  /** The client's address as the gateway saw it (rate limits on the public path). */
  clientAddress?: string;
  /** Where this deployment's public pages are (public-base-url.ts): the default of stations' report URLs. */
  publicBaseUrl?: string;
  /** The language the request prefers (`Accept-Language`): error messages and stored notes are answered in it. */
  language: Language;
  /** This request's view of the services: a district's item is read once per request. */
  services: Services;
  logger: Logger;
  /** Loaders of the caller's district; UNAUTHENTICATED for an anonymous request. */
  loaders(): Loaders;
  /** A district's IANA time zone (times are shown in it). */
  timezoneOf(districtId: string): Promise<string>;
  /** Issues this request reported: an anonymous reporter may see their own report's details. */
  reportedIssueIds: Set<string>;
}

export function createRequestContext(options: {
  requestId: string;
  caller?: Caller;
  clientAddress?: string;
  publicBaseUrl?: string;
  /** English when absent. */
  language?: Language;
  services: Services;
  logger: Logger;
}): RequestContext {
  let loaders: Loaders | undefined;
  const services = servicesOfRequest(options.services);
  const context: RequestContext = {
    ...options,
    language: options.language ?? DEFAULT_LANGUAGE,
    services,
    // The caller is checked at each call: a caller dropped during the request (an inactive officer) gets no loaders.
    loaders: () => {
      const { districtId } = requireCaller(context.caller);
      return (loaders ??= createLoaders(services, districtId));
    },
    timezoneOf: async (districtId) => (await services.districts.get(districtId))?.timezone ?? DEFAULT_TIMEZONE,
    reportedIssueIds: new Set<string>(),
  };
  return context;
}
