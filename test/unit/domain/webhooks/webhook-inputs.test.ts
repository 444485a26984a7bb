import { registerWebhookEndpointArguments, webhookDeliveryIdArguments } from '../../../../functions/domain/validation/webhook-inputs';
import { parseArguments } from '../../../../functions/domain/validation/parse';
import { BadUserInputError } from '../../../../functions/shared/errors';

const onAws = registerWebhookEndpointArguments({ allowHttp: false });
const local = registerWebhookEndpointArguments({ allowHttp: true });

const fieldsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof BadUserInputError) return error.fields;
    throw error;
  }
  throw new Error('no BAD_USER_INPUT');
};

describe('webhook inputs', () => {
  test('given an https URL and two event types, when parsed, then they are kept', () => {
    expect(parseArguments(onAws, { input: { url: ' https://hooks.example.cn/ccs ', eventTypes: ['issue.resolved', 'issue.closed'] } }).input).toEqual({
      url: 'https://hooks.example.cn/ccs',
      eventTypes: ['issue.resolved', 'issue.closed'],
    });
  });

  test('given an http URL outside local, an unknown and a repeated type, when parsed, then each field is named', () => {
    expect(fieldsOf(() => parseArguments(onAws, { input: { url: 'http://hooks.example.cn', eventTypes: ['issue.resolved', 'issue.resolved', 'issue.eaten'] } }))).toEqual([
      { path: 'input.url', message: 'must be an https URL' },
      { path: 'input.eventTypes.2', message: 'is not a domain event type' },
    ]);
  });

  test('given a URL with credentials and no event types, when parsed, then both fields are named', () => {
    expect(fieldsOf(() => parseArguments(onAws, { input: { url: 'https://user:pw@hooks.example.cn', eventTypes: [] } }))).toEqual([
      { path: 'input.url', message: 'must not hold a user name or password' },
      { path: 'input.eventTypes', message: 'needs at least one event type' },
    ]);
  });

  test('given the same type twice, when parsed, then the list is refused', () => {
    expect(fieldsOf(() => parseArguments(onAws, { input: { url: 'https://a.example.cn', eventTypes: ['issue.closed', 'issue.closed'] } }))).toEqual([
      { path: 'input.eventTypes', message: 'must not repeat an event type' },
    ]);
  });

  test('given an http URL where loopback is allowed, when parsed, then it is accepted', () => {
    expect(parseArguments(local, { input: { url: 'http://127.0.0.1:8080/hooks', eventTypes: ['roster.published'] } }).input.url).toBe('http://127.0.0.1:8080/hooks');
  });

  test('given delivery ids, when parsed, then only "<endpoint>~<event>" is accepted', () => {
    expect(parseArguments(webhookDeliveryIdArguments, { id: 'e-1~evt:1' }).id).toBe('e-1~evt:1');
    expect(fieldsOf(() => parseArguments(webhookDeliveryIdArguments, { id: 'e-1' }))).toEqual([{ path: 'id', message: 'is not a webhook delivery id' }]);
  });
});
