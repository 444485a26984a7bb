import { readApiEnvironment, readWebhookEnvironment } from '../../../functions/shared/env';

const KEY = 'k'.repeat(40);
const ARN = 'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:webhook-key';
const local = { TABLE_NAME: 't', DISTRICT_ID: 'dingnan', DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' };
const onAws = { TABLE_NAME: 't', DISTRICT_ID: 'dingnan' };

describe('the webhook functions\' environment (readWebhookEnvironment)', () => {
  test('given the key secret on AWS, when read, then loopback stays refused', () => {
    expect(readWebhookEnvironment({ ...onAws, WEBHOOK_SECRET_KEY_SECRET_ARN: ARN })).toMatchObject({ WEBHOOK_SECRET_KEY_SECRET_ARN: ARN, WEBHOOK_ALLOW_LOOPBACK: false });
  });

  test('given no key on AWS, when read, then it fails naming WEBHOOK_SECRET_KEY_SECRET_ARN', () => {
    expect(() => readWebhookEnvironment(onAws)).toThrow('Invalid environment: WEBHOOK_SECRET_KEY_SECRET_ARN: is required on AWS (without DYNAMODB_ENDPOINT)');
  });

  test('given WEBHOOK_ALLOW_LOOPBACK on AWS, when read, then it is refused', () => {
    expect(() => readWebhookEnvironment({ ...onAws, WEBHOOK_SECRET_KEY_SECRET_ARN: ARN, WEBHOOK_ALLOW_LOOPBACK: 'true' })).toThrow(
      'WEBHOOK_ALLOW_LOOPBACK: is allowed off AWS only (with DYNAMODB_ENDPOINT)',
    );
  });

  test('given both the key and its secret, when read, then it fails naming WEBHOOK_SECRET_KEY', () => {
    expect(() => readWebhookEnvironment({ ...local, WEBHOOK_SECRET_KEY: KEY, WEBHOOK_SECRET_KEY_SECRET_ARN: ARN })).toThrow(
      'WEBHOOK_SECRET_KEY: set WEBHOOK_SECRET_KEY or WEBHOOK_SECRET_KEY_SECRET_ARN, not both',
    );
  });

  test('given the local setting off AWS, when read, then loopback is allowed and no key is needed', () => {
    expect(readWebhookEnvironment({ ...local, WEBHOOK_ALLOW_LOOPBACK: 'true' })).toMatchObject({ WEBHOOK_ALLOW_LOOPBACK: true });
  });
});

describe('the API\'s webhook variables (readApiEnvironment)', () => {
  test('given WEBHOOK_ALLOW_LOOPBACK on AWS, when the API reads its environment, then it is refused', () => {
    expect(() => readApiEnvironment({ TABLE_NAME: 't', CURSOR_KEY: KEY, WEBHOOK_ALLOW_LOOPBACK: 'true' })).toThrow('WEBHOOK_ALLOW_LOOPBACK: is allowed off AWS only');
  });

  test('given the key secret, when the API reads its environment, then it gets it', () => {
    expect(readApiEnvironment({ TABLE_NAME: 't', CURSOR_KEY: KEY, WEBHOOK_SECRET_KEY_SECRET_ARN: ARN })).toMatchObject({ WEBHOOK_SECRET_KEY_SECRET_ARN: ARN, WEBHOOK_ALLOW_LOOPBACK: false });
  });
});
