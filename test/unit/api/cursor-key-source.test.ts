import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { cursorKeySource } from '../../../functions/api/cursor-key-source';
import { readApiEnvironment } from '../../../functions/shared/env';
import { cursorKey } from '../../../functions/store/cursor';
import { TEST_CURSOR_KEY } from '../../support/cursor-key';

const secrets = mockClient(SecretsManagerClient);
const SECRET_ARN = 'arn:aws-cn:secretsmanager:cn-north-1:111122223333:secret:CursorKey-AbCdEf';
const base = { TABLE_NAME: 'community-city-services' };

beforeEach(() => secrets.reset());

describe("the API's environment (readApiEnvironment)", () => {
  test('given the secret ARN the stack sets, when the API reads its environment, then it has it', () => {
    expect(readApiEnvironment({ ...base, CURSOR_KEY_SECRET_ARN: SECRET_ARN })).toMatchObject({ CURSOR_KEY_SECRET_ARN: SECRET_ARN });
  });

  test('given neither key nor secret on AWS (no DynamoDB endpoint), when the API reads its environment, then it fails naming CURSOR_KEY_SECRET_ARN', () => {
    expect(() => readApiEnvironment({ ...base })).toThrow(/^Invalid environment: CURSOR_KEY_SECRET_ARN: is required on AWS/);
  });

  test('given neither off AWS (a DynamoDB endpoint), when the API reads its environment, then it starts (the store makes a random key)', () => {
    expect(cursorKeySource(readApiEnvironment({ ...base, DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }))).toBeUndefined();
  });

  test.each([
    ['a key shorter than 32 characters', { CURSOR_KEY: 'short' }, /CURSOR_KEY: /],
    ['both a key and a secret', { CURSOR_KEY: TEST_CURSOR_KEY, CURSOR_KEY_SECRET_ARN: SECRET_ARN }, /CURSOR_KEY: set CURSOR_KEY or CURSOR_KEY_SECRET_ARN, not both/],
    ['a secret that is no Secrets Manager ARN', { CURSOR_KEY_SECRET_ARN: 'my-secret' }, /CURSOR_KEY_SECRET_ARN: must be the ARN of a Secrets Manager secret/],
  ])('given %s, when the API reads its environment, then it fails without echoing the key', (_label, variables, message) => {
    const read = () => readApiEnvironment({ ...base, ...variables });

    expect(read).toThrow(message);
    expect(read).not.toThrow(/short|fixed, for tests/);
  });
});

describe('the source of the cursor key (cursorKeySource)', () => {
  test('given CURSOR_KEY, when the source is built, then it is that material and Secrets Manager is never asked', async () => {
    const source = cursorKeySource(readApiEnvironment({ ...base, CURSOR_KEY: TEST_CURSOR_KEY }));

    expect(source).toBe(TEST_CURSOR_KEY);
    expect(secrets.calls()).toHaveLength(0);
  });

  test('given the secret ARN, when a container starts, then nothing is read; when its first lists are paged, then one GetSecretValue of that secret serves them all', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: TEST_CURSOR_KEY });
    const key = cursorKey(cursorKeySource(readApiEnvironment({ ...base, CURSOR_KEY_SECRET_ARN: SECRET_ARN, AWS_REGION: 'cn-north-1' }))!);
    expect(secrets.calls()).toHaveLength(0);

    const [first, second] = await Promise.all([key.aesKey(), key.aesKey()]);

    expect(first.equals(await cursorKey(TEST_CURSOR_KEY).aesKey())).toBe(true);
    expect(second).toBe(first);
    expect(secrets.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input)).toEqual([{ SecretId: SECRET_ARN }]);
  });

  test('given a secret without a string value, when the key is read, then it fails naming the secret', async () => {
    secrets.on(GetSecretValueCommand).resolves({});
    const source = cursorKeySource(readApiEnvironment({ ...base, CURSOR_KEY_SECRET_ARN: SECRET_ARN })) as () => Promise<string>;

    await expect(source()).rejects.toThrow(`The cursor key secret ${SECRET_ARN} has no string value`);
  });
});
