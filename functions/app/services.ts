import { createStore, type Store, type StoreOptions } from '../store/client';
import { DistrictRepository } from '../store/districts';
import { createDutyRepositories, type DutyRepositories } from '../store/duty-repositories';
import { GridRepository } from '../store/grids';
import { IssuePolicyRepository } from '../store/issues/issue-policy-repository';
import { HotlineTickets } from '../store/issues/hotline-tickets';
import { IssueFeed } from '../store/issues/issue-feed';
import { IssueRepository } from '../store/issues/issue-repository';
import { TrackingRepository } from '../store/issues/tracking-repository';
import { OfficerRepository } from '../store/officers';
import { IssueErasure } from '../store/privacy/issue-erasure';
import { AuditRepository } from '../store/audit';
import { PhotoBucket, type PhotoBucketOptions } from '../store/photos/photo-bucket';
import { StationRepository } from '../store/stations';
import type { AddressRules } from '../domain/webhooks/address-rules';
import type { SecretKeySource } from '../store/webhooks/secret-box';
import { createWebhookRepositories, type WebhookRepositories } from '../store/webhooks/webhook-repositories';

/**
 * The repositories and the clock the use cases work with, built once per Lambda container and
 * shared by its requests. The DynamoDB client stays inside the repositories: nothing above the
 * store builds a request of its own.
 */
export interface Services {
  /** The time now; tests pass a fixed or moving clock. */
  clock: () => Date;
  districts: DistrictRepository;
  stations: StationRepository;
  grids: GridRepository;
  officers: OfficerRepository;
  issues: IssueRepository;
  /** Time-window feeds of issues and their updates, for integrations (Open311). */
  issueFeed: IssueFeed;
  hotlineTickets: HotlineTickets;
  issuePolicies: IssuePolicyRepository;
  /** Residents' tracking codes and ratings. */
  tracking: TrackingRepository;
  duty: DutyRepositories;
  webhooks: WebhookRepositories;
  /** Where webhooks may deliver: loopback only off AWS, by an explicit setting (functions/shared/env.ts). */
  webhookAddressRules: AddressRules;
  /** Erasing reporters' data (functions/app/privacy/). */
  erasure: IssueErasure;
  /** The audit trail of personal-data reads and ADMIN writes (functions/api/audit.ts records). */
  audit: AuditRepository;
  /** The district's photo bucket; absent where photos are not configured (jobs, some tests): citing a photo is then refused. */
  photos?: PhotoBucket;
}

export function createServices(storeOrOptions: Store | StoreOptions, options: { clock?: () => Date; webhookSecretKey?: SecretKeySource; webhookAddressRules?: AddressRules; photos?: PhotoBucket | PhotoBucketOptions } = {}): Services {
  const store = 'doc' in storeOrOptions ? storeOrOptions : createStore(storeOrOptions);
  return {
    clock: options.clock ?? (() => new Date()),
    districts: new DistrictRepository(store),
    stations: new StationRepository(store),
    grids: new GridRepository(store),
    officers: new OfficerRepository(store),
    issues: new IssueRepository(store),
    issueFeed: new IssueFeed(store),
    hotlineTickets: new HotlineTickets(store),
    issuePolicies: new IssuePolicyRepository(store),
    tracking: new TrackingRepository(store),
    duty: createDutyRepositories(store),
    webhooks: createWebhookRepositories(store, options.webhookSecretKey),
    webhookAddressRules: options.webhookAddressRules ?? { allowLoopback: false },
    erasure: new IssueErasure(store),
    audit: new AuditRepository(store),
    ...(options.photos ? { photos: options.photos instanceof PhotoBucket ? options.photos : new PhotoBucket(options.photos) } : {}),
  };
}

/** The services of one request: a district's item is read at most once, however many use cases and fields need it. */
export const servicesOfRequest = (services: Services): Services => ({ ...services, districts: services.districts.readingOnce() });
