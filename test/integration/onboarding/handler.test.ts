import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import type * as OnboardingModule from '../../../functions/onboarding/handler';
import { DistrictRepository } from '../../../functions/store/districts';
import { StationRepository } from '../../../functions/store/stations';
import { districtFile } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

/** The onboarding Lambda as the provider framework invokes it, against DynamoDB Local. */
let store: TestStore;
let handler: typeof OnboardingModule.handler;

beforeAll(async () => {
  store = await createTestStore();
  Object.assign(process.env, {
    TABLE_NAME: store.tableName,
    DYNAMODB_ENDPOINT: store.endpoint,
    AWS_REGION: 'local',
    DISTRICT_ID: 'xian-gangwu',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  });
  // Required only now: the handler reads the environment when its module loads.
  handler = (require('../../../functions/onboarding/handler') as typeof OnboardingModule).handler;
});
afterAll(() => store.drop());

function event(requestType: 'Create' | 'Update' | 'Delete', file: unknown): CloudFormationCustomResourceEvent {
  const common = {
    ServiceToken: 'arn:aws:lambda:cn-north-1:000000000000:function:provider',
    ResponseURL: 'https://example.invalid/response',
    StackId: 'arn:aws:cloudformation:cn-north-1:000000000000:stack/CommunityCityServices-xian-gangwu/1',
    RequestId: 'request-1',
    LogicalResourceId: 'OnboardingDistrictData',
    ResourceType: 'Custom::DistrictData',
    ResourceProperties: { ServiceToken: 'arn:aws:lambda:cn-north-1:000000000000:function:provider', DistrictFile: JSON.stringify(file) },
  };
  if (requestType === 'Create') return { ...common, RequestType: 'Create' };
  const physical = { PhysicalResourceId: 'district-data-xian-gangwu', OldResourceProperties: common.ResourceProperties };
  return requestType === 'Update' ? { ...common, ...physical, RequestType: 'Update' } : { ...common, ...physical, RequestType: 'Delete' };
}

const stations = () => new StationRepository(store);

test('given a Create with the district file, when handled, then the district is loaded under a stable physical id', async () => {
  const file = districtFile('xian-gangwu');

  const response = await handler(event('Create', file));

  expect(response.PhysicalResourceId).toBe('district-data-xian-gangwu');
  expect(response.Data).toEqual({ District: 'created', Summary: 'stations: 4 created, 0 updated, 0 deactivated; officers: 8 created, 0 updated, 0 deactivated; grids: 4 created, 0 updated, 0 deactivated' });
  expect(await new DistrictRepository(store).get('xian-gangwu')).toMatchObject({ name: '西安国际港务区' });
});

test('given an Update with an edited file, when handled, then the edit is applied and the same physical id answers', async () => {
  const file = districtFile('xian-gangwu');
  file.stations[0]!.name = '港兴二路城管执法岗亭';

  const response = await handler(event('Update', file));

  expect(response.PhysicalResourceId).toBe('district-data-xian-gangwu');
  expect(await stations().get('xian-gangwu', file.stations[0]!.id)).toMatchObject({ name: '港兴二路城管执法岗亭', version: 2 });
});

test('given a Delete, when handled, then every item stays', async () => {
  const before = await stations().all('xian-gangwu');

  const response = await handler(event('Delete', districtFile('xian-gangwu')));

  expect(response.PhysicalResourceId).toBe('district-data-xian-gangwu');
  expect(await stations().all('xian-gangwu')).toEqual(before);
  expect(await new DistrictRepository(store).get('xian-gangwu')).toBeDefined();
});

test("given another district's file, when handled by this district's stack, then it is refused and nothing is loaded", async () => {
  await expect(handler(event('Create', districtFile('qishi')))).rejects.toThrow('This stack serves xian-gangwu; refusing to load the district file of qishi');
  expect(await new DistrictRepository(store).get('qishi')).toBeUndefined();
});

test('given an invalid file, when handled, then the deploy fails with every bad field named', async () => {
  const file = { ...districtFile('xian-gangwu'), timezone: 'Mars/Olympus', adminEmails: ['nobody'] };

  await expect(handler(event('Update', file))).rejects.toThrow(/timezone: .*adminEmails\.0: /);
});
