import { parseRequestsQuery, parseUpdatesQuery } from '../../../../functions/domain/open311/feed-query';
import { publicUpdate } from '../../../../functions/domain/open311/statuses';

const now = new Date('2026-11-29T04:00:00Z');

describe('Open311 feed queries', () => {
  test('given no dates, when parsed, then the window is the 90 days up to now', () => {
    expect(parseUpdatesQuery({}, 'Asia/Shanghai', now)).toEqual({ from: '2026-08-31T04:00:00.000Z', to: '2026-11-29T04:00:00.000Z' });
  });

  test('given dates without an offset, when parsed, then they are read in the district zone', () => {
    expect(parseUpdatesQuery({ start_date: '2026-11-28T08:00:00', end_date: '2026-11-28T18:00:00' }, 'Asia/Shanghai', now)).toEqual({
      from: '2026-11-28T00:00:00.000Z',
      to: '2026-11-28T10:00:00.000Z',
    });
  });

  test('given ids, statuses and a service, when parsed, then ids are split and statuses de-duplicated', () => {
    expect(parseRequestsQuery({ service_request_id: 'a, b', status: 'open,open', service_code: 'OTHER' }, 'Asia/Shanghai', now)).toMatchObject({
      ids: ['a', 'b'],
      statuses: ['open'],
      category: 'OTHER',
    });
  });

  test('given an end before the start, or a date that is not one, when parsed, then the parameter is named', () => {
    expect(() => parseUpdatesQuery({ start_date: '2026-11-28T08:00:00Z', end_date: '2026-11-27T08:00:00Z' }, 'Asia/Shanghai', now)).toThrow(/start_date: must be before end_date/);
    expect(() => parseUpdatesQuery({ end_date: 'yesterday' }, 'Asia/Shanghai', now)).toThrow(/end_date: must be a W3C date-time/);
  });
});

describe('public updates', () => {
  test.each([
    ['ASSIGN', false, 'ACTION_SCHEDULED'],
    ['TRANSFER', false, 'INTERNAL_REFERRAL'],
    ['RESOLVE', false, 'FIXED'],
    ['CLOSE', false, 'CLOSED'],
    ['REOPEN', false, 'OPEN'],
    ['REJECT', true, 'DUPLICATE'],
    ['REJECT', false, 'NO_FURTHER_ACTION'],
  ] as const)('given a %s step (duplicate: %s), when made public, then its status is %s', (action, duplicate, status) => {
    expect(publicUpdate(action, duplicate).status).toBe(status);
  });
});
