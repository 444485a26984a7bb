import { createStore, type Store, type StoreOptions } from '../store/client';
import { DistrictRepository } from '../store/districts';
import { createDutyRepositories, type DutyRepositories } from '../store/duty-repositories';
import { GridRepository } from '../store/grids';
import { IssuePolicyRepository } from '../store/issues/issue-policy-repository';
import { IssueRepository } from '../store/issues/issue-repository';
import { OfficerRepository } from '../store/officers';
import { PhotoBucket, type PhotoBucketOptions } from '../store/photos/photo-bucket';
import { StationRepository } from '../store/stations';

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
  issuePolicies: IssuePolicyRepository;
  duty: DutyRepositories;
  /** The district's photo bucket; absent where photos are not configured (jobs, some tests): citing a photo is then refused. */
  photos?: PhotoBucket;
}

export function createServices(storeOrOptions: Store | StoreOptions, options: { clock?: () => Date; photos?: PhotoBucket | PhotoBucketOptions } = {}): Services {
  const store = 'doc' in storeOrOptions ? storeOrOptions : createStore(storeOrOptions);
  return {
    clock: options.clock ?? (() => new Date()),
    districts: new DistrictRepository(store),
    stations: new StationRepository(store),
    grids: new GridRepository(store),
    officers: new OfficerRepository(store),
    issues: new IssueRepository(store),
    issuePolicies: new IssuePolicyRepository(store),
    duty: createDutyRepositories(store),
    ...(options.photos ? { photos: options.photos instanceof PhotoBucket ? options.photos : new PhotoBucket(options.photos) } : {}),
  };
}

/** The services of one request: a district's item is read at most once, however many use cases and fields need it. */
export const servicesOfRequest = (services: Services): Services => ({ ...services, districts: services.districts.readingOnce() });
