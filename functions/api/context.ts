import type { Logger } from '@aws-lambda-powertools/logger';
import { requireCaller, type Caller } from '../domain/caller';
import { createLoaders, type Loaders } from './loaders';
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
}

export function createRequestContext(options: {
  requestId: string;
  caller?: Caller;
  clientAddress?: string;
  services: Services;
  logger: Logger;
}): RequestContext {
  let loaders: Loaders | undefined;
  return {
    ...options,
    loaders: () => (loaders ??= createLoaders(options.services, requireCaller(options.caller).districtId)),
  };
}
