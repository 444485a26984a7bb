import { Logger } from '@aws-lambda-powertools/logger';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { parseDistrictFile } from '../domain/district-file';
import { readEnvironment } from '../shared/env';
import { createStore } from '../store/client';
import { DistrictSyncError } from '../store/onboarding/district-sync-error';
import { syncDistrict } from '../store/onboarding/sync-district';
import { tracedHandler } from '../shared/tracing';

/**
 * The custom resource's properties, as CloudFormation passes them (every value a string). The
 * file itself is built into the function (see EMBEDDED_DISTRICT_FILE): officers' phones and
 * admins' e-mails must not travel through CloudFormation events, which the provider framework logs.
 */
export interface OnboardingProperties {
  /** SHA-256 of the validated file as JSON: a changed file is a changed property, hence an Update. */
  DistrictFileSha256: string;
  /** The file as JSON, only for a function built without one (tests). */
  DistrictFile?: string;
}

/** The validated district file as JSON, put into the bundle by esbuild's `define` (infra/constructs/district-onboarding.ts). */
declare const EMBEDDED_DISTRICT_FILE: string | undefined;
const embeddedFile = typeof EMBEDDED_DISTRICT_FILE === 'string' ? EMBEDDED_DISTRICT_FILE : undefined;

export interface OnboardingResponse {
  PhysicalResourceId: string;
  Data?: Record<string, string>;
}

/**
 * The onboarding custom resource's handler, behind the CDK provider framework (which answers
 * CloudFormation, retries nothing, and turns a thrown error into a FAILED deploy with its
 * message). Create and Update apply the district file with the same sync `npm start` uses;
 * Delete leaves every item in place: the table is retained, and nothing people recorded may
 * disappear with a stack. A failed Update makes CloudFormation roll back, which sends the
 * previous file as an Update: the sync then undoes exactly what the failed file changed.
 */
const environment = readEnvironment();
const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'community-city-services-onboarding' });
const store = createStore({ tableName: environment.TABLE_NAME, endpoint: environment.DYNAMODB_ENDPOINT, region: environment.AWS_REGION });

export const handler = tracedHandler({ district: environment.DISTRICT_ID }, async (event: CloudFormationCustomResourceEvent): Promise<OnboardingResponse> => {
  if (event.RequestType === 'Delete') {
    logger.info('Onboarding resource deleted; district data kept', { physicalResourceId: event.PhysicalResourceId });
    return { PhysicalResourceId: event.PhysicalResourceId };
  }
  const properties = event.ResourceProperties as unknown as OnboardingProperties;
  const fileJson = embeddedFile ?? properties.DistrictFile;
  if (!fileJson) throw new DistrictSyncError('This onboarding function was built without its district file');
  const file = parseDistrictFile(JSON.parse(fileJson), `district file of ${event.LogicalResourceId}`);
  if (environment.DISTRICT_ID !== undefined && file.id !== environment.DISTRICT_ID) {
    throw new DistrictSyncError(`This stack serves ${environment.DISTRICT_ID}; refusing to load the district file of ${file.id}`);
  }
  const result = await syncDistrict(store, file);
  logger.info('District file applied', { districtId: file.id, requestType: event.RequestType, result });
  const summary = (['stations', 'officers', 'grids'] as const)
    .map((type) => `${type}: ${result[type].created} created, ${result[type].updated} updated, ${result[type].deactivated} deactivated`)
    .join('; ');
  return { PhysicalResourceId: `district-data-${file.id}`, Data: { District: result.district, Summary: summary } };
});
