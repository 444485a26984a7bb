import { buildDistrictApp } from './district-app';

buildDistrictApp();
