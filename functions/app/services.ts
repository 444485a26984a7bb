import { createStore, type Store, type StoreOptions } from '../store/client';
import { DistrictRepository } from '../store/districts';
import { createDutyRepositories, type DutyRepositories } from '../store/duty-repositories';
import { GridRepository } from '../store/grids';
import { IssuePolicyRepository } from '../store/issues/issue-policy-repository';
import { IssueRepository } from '../store/issues/issue-repository';
import { TrackingRepository } from '../store/issues/tracking-repository';
import { OfficerRepository } from '../store/officers';
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
  /** Residents' tracking codes and ratings. */
  tracking: TrackingRepository;
  duty: DutyRepositories;
}

export function createServices(storeOrOptions: Store | StoreOptions, options: { clock?: () => Date } = {}): Services {
  const store = 'doc' in storeOrOptions ? storeOrOptions : createStore(storeOrOptions);
  return {
    clock: options.clock ?? (() => new Date()),
    districts: new DistrictRepository(store),
    stations: new StationRepository(store),
    grids: new GridRepository(store),
    officers: new OfficerRepository(store),
    issues: new IssueRepository(store),
    issuePolicies: new IssuePolicyRepository(store),
    tracking: new TrackingRepository(store),
    duty: createDutyRepositories(store),
  };
}

/** The services of one request: a district's item is read at most once, however many use cases and fields need it. */
export const servicesOfRequest = (services: Services): Services => ({ ...services, districts: services.districts.readingOnce() });
