import { createStore, type Store, type StoreOptions } from '../store/client';
import { DistrictRepository } from '../store/districts';
import { GridRepository } from '../store/grids';
import { createOfficerRepository, type OfficerRepository } from '../store/officers';
import { StationRepository } from '../store/stations';

/** Long-lived data access, built once per Lambda container and shared by its requests. */
export interface Services {
  store: Store;
  districts: DistrictRepository;
  stations: StationRepository;
  grids: GridRepository;
  officers: OfficerRepository;
}

export function createServices(storeOrOptions: Store | StoreOptions): Services {
  const store = 'doc' in storeOrOptions ? storeOrOptions : createStore(storeOrOptions);
  return {
    store,
    districts: new DistrictRepository(store),
    stations: new StationRepository(store),
    grids: new GridRepository(store),
    officers: createOfficerRepository(store),
  };
}
