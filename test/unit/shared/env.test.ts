import { COGNITO_CLAIM_MAPPING } from '../../../functions/domain/deployment/identity';
import { readApiEnvironment, readEnvironment, readJobEnvironment } from '../../../functions/shared/env';

const base = { TABLE_NAME: 'community-city-services' };

describe('the API and onboarding environment (readEnvironment)', () => {
  test('given only TABLE_NAME, when the API reads its environment, then the region defaults and DISTRICT_ID and the endpoint stay absent', () => {
    expect(readEnvironment({ ...base })).toEqual({ TABLE_NAME: 'community-city-services', AWS_REGION: 'cn-north-1' });
  });

  test('given every variable, when the API reads its environment, then it gets each of them', () => {
    const environment = readEnvironment({ ...base, DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000', AWS_REGION: 'cn-northwest-1', DISTRICT_ID: 'dingnan' });

    expect(environment).toEqual({ TABLE_NAME: 'community-city-services', DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000', AWS_REGION: 'cn-northwest-1', DISTRICT_ID: 'dingnan' });
  });

  test('given no TABLE_NAME and a malformed endpoint and district, when the API reads its environment, then one error names all three', () => {
    const read = () => readEnvironment({ DYNAMODB_ENDPOINT: 'not a url', DISTRICT_ID: 'Ding Nan' });

    expect(read).toThrow(/^Invalid environment: /);
    expect(read).toThrow(/TABLE_NAME: /);
    expect(read).toThrow(/DYNAMODB_ENDPOINT: /);
    expect(read).toThrow(/DISTRICT_ID: must be a district id/);
  });

  test('given EVENT_BUS_NAME, when the API reads its environment, then the job-only variable is not part of it', () => {
    expect(readEnvironment({ ...base, EVENT_BUS_NAME: 'duty-events' })).not.toHaveProperty('EVENT_BUS_NAME');
  });
});

describe('a scheduled job\'s environment (readJobEnvironment)', () => {
  test('given no DISTRICT_ID, when a job reads its environment, then it fails naming DISTRICT_ID', () => {
    expect(() => readJobEnvironment({ ...base })).toThrow(/^Invalid environment: DISTRICT_ID: /);
  });

  test('given a malformed DISTRICT_ID, when a job reads its environment, then it fails with the district-id rule', () => {
    expect(() => readJobEnvironment({ ...base, DISTRICT_ID: '../etc' })).toThrow(/DISTRICT_ID: must be a district id/);
  });

  test('given TABLE_NAME and DISTRICT_ID, when the roster job reads its environment, then it gets the base variables with the district and no bus', () => {
    expect(readJobEnvironment({ ...base, DISTRICT_ID: 'xian-gangwu' })).toEqual({
      TABLE_NAME: 'community-city-services',
      AWS_REGION: 'cn-north-1',
      DISTRICT_ID: 'xian-gangwu',
    });
  });

  test('given EVENT_BUS_NAME, when the compliance job reads its environment, then it gets the bus too', () => {
    expect(readJobEnvironment({ ...base, DISTRICT_ID: 'dingnan', EVENT_BUS_NAME: 'duty-events' })).toMatchObject({ DISTRICT_ID: 'dingnan', EVENT_BUS_NAME: 'duty-events' });
  });

  test('given an empty EVENT_BUS_NAME and no TABLE_NAME, when a job reads its environment, then one error names both', () => {
    const read = () => readJobEnvironment({ DISTRICT_ID: 'dingnan', EVENT_BUS_NAME: '' });

    expect(read).toThrow(/TABLE_NAME: /);
    expect(read).toThrow(/EVENT_BUS_NAME: /);
  });
});

describe('reading once', () => {
  const saved = { ...process.env };

  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  test('given process.env read once, when it changes afterwards, then both readers answer what they first read', () => {
    Object.assign(process.env, { TABLE_NAME: 'first-table', DISTRICT_ID: 'dingnan' });
    const api = readEnvironment();
    const job = readJobEnvironment();

    process.env.TABLE_NAME = 'second-table';

    expect(readEnvironment()).toBe(api);
    expect(readJobEnvironment()).toBe(job);
    expect(job.TABLE_NAME).toBe('first-table');
  });

  test('given an explicit source, when it is read twice, then each call parses its own source', () => {
    expect(readEnvironment({ TABLE_NAME: 'a' }).TABLE_NAME).toBe('a');
    expect(readEnvironment({ TABLE_NAME: 'b' }).TABLE_NAME).toBe('b');
  });
});

describe('the claim mapping of the API (IDENTITY_CLAIM_MAPPING)', () => {
  const local = { TABLE_NAME: 't', DYNAMODB_ENDPOINT: 'http://localhost:8000' };

  test('given no mapping, when the API reads its environment, then the Cognito ID token\'s claims are read', () => {
    expect(readApiEnvironment(local).IDENTITY_CLAIM_MAPPING).toEqual(COGNITO_CLAIM_MAPPING);
  });

  test('given a provider\'s mapping as JSON, when the API reads its environment, then it gets that mapping', () => {
    const mapping = { claims: { district: 'org', roles: 'groups', officerId: 'employee_no' }, roleValues: { ADMIN: 'cgj-admins' } };

    expect(readApiEnvironment({ ...local, IDENTITY_CLAIM_MAPPING: JSON.stringify(mapping) }).IDENTITY_CLAIM_MAPPING).toEqual(mapping);
  });

  test.each([
    ['not JSON', '{claims'],
    ['a mapping without roles', JSON.stringify({ claims: { district: 'org', roles: 'groups', officerId: 'e' }, roleValues: {} })],
  ])('given %s, when the API reads its environment, then it fails naming IDENTITY_CLAIM_MAPPING', (_label, value) => {
    expect(() => readApiEnvironment({ ...local, IDENTITY_CLAIM_MAPPING: value })).toThrow(/IDENTITY_CLAIM_MAPPING: must be the JSON of a claim mapping/);
  });
});
