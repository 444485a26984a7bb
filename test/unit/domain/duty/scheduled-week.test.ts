import { DateTime } from 'luxon';
import { parseScheduledEvent, targetWeek } from '../../../../functions/domain/duty/scheduled-event';
import { daysOfWeek, isIsoWeek, weekOfInstant } from '../../../../functions/domain/duty/iso-week';
import { nextFireTime } from '../../../../functions/local/duty-schedules';

const SHANGHAI = 'Asia/Shanghai';
const NOW = new Date('2030-01-01T00:00:00Z');

describe('which week a scheduled run works on', () => {
  test('given the Friday 18:00 Shanghai fire time, when the roster job resolves its week, then it is the next ISO week', () => {
    expect(targetWeek(parseScheduledEvent({ scheduledTime: '2026-11-20T10:00:00Z' }), SHANGHAI, 1, NOW)).toBe('2026-W48');
  });

  test('given the Monday 02:00 Shanghai fire time (still Sunday in UTC), when compliance resolves its week, then it is the week that just ended locally', () => {
    expect(targetWeek(parseScheduledEvent({ scheduledTime: '2026-11-29T18:00:00Z' }), SHANGHAI, -1, NOW)).toBe('2026-W48');
  });

  test('given a retry a day later with the same fire time, when the week is resolved, then it is still the same week', () => {
    expect(targetWeek({ scheduledTime: '2026-11-20T10:00:00Z' }, SHANGHAI, 1, new Date('2026-11-23T10:00:00Z'))).toBe('2026-W48');
  });

  test('given a manual event naming a week, when resolved, then that week wins', () => {
    expect(targetWeek(parseScheduledEvent({ week: '2026-W01', scheduledTime: '2026-11-20T10:00:00Z' }), SHANGHAI, 1, NOW)).toBe('2026-W01');
  });

  test('given an event with unknown fields or a bad week, when parsed, then it is refused naming the field', () => {
    expect(() => parseScheduledEvent({ week: '2027-W53' })).toThrow('week');
    expect(() => parseScheduledEvent({ district: 'other' })).toThrow('Invalid scheduled event');
  });
});

describe('ISO weeks in the district time zone', () => {
  test('given 2026-W48, when its days are listed, then Monday 2026-11-23 to Sunday 2026-11-29', () => {
    expect(daysOfWeek('2026-W48', SHANGHAI).map((day) => day.date)).toEqual([
      '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29',
    ]);
  });

  test('given an instant late on Sunday UTC, when its week is taken in Shanghai, then it is the next week', () => {
    expect(weekOfInstant('2026-11-22T17:00:00Z', SHANGHAI)).toBe('2026-W48');
    expect(weekOfInstant('2026-11-22T15:59:00Z', SHANGHAI)).toBe('2026-W47');
  });

  test('given week 53, when checked, then it exists in 2026 and not in 2027', () => {
    expect([isIsoWeek('2026-W53'), isIsoWeek('2027-W53')]).toEqual([true, false]);
  });
});

describe('local cron', () => {
  test('given a Friday 18:00 instant, when the next Friday 18:00 is asked, then it is a week later', () => {
    const friday = DateTime.fromISO('2026-11-20T18:00:00', { zone: SHANGHAI });

    expect(nextFireTime(friday, 5, 18, SHANGHAI).toISO()).toBe('2026-11-27T18:00:00.000+08:00');
  });

  test('given a Saturday, when the next Monday 02:00 is asked, then it is the coming Monday', () => {
    expect(nextFireTime(DateTime.fromISO('2026-11-21T12:00:00Z'), 1, 2, SHANGHAI).toISO()).toBe('2026-11-23T02:00:00.000+08:00');
  });
});
