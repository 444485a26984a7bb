import { checkExpectedVersion } from '../../../functions/domain/expected-version';
import { decideRouting } from '../../../functions/app/issues/routing-decision';
import { judgeStation } from '../../../functions/domain/compliance/station-verdict';
import type { ServiceSession } from '../../../functions/domain/compliance/types';
import { requireRole } from '../../../functions/domain/caller';
import { defaultDutyPolicy } from '../../../functions/domain/duty-policy';
import { nextStatus, type WorkflowAction } from '../../../functions/domain/issues/workflow';
import { ACTION_NAMES, ENTITY_NAMES, ERROR_MESSAGES, STORED_NOTES } from '../../../functions/domain/messages/catalogue-zh-cn';
import { templatePattern, translateMessage, translateNote } from '../../../functions/domain/messages/translate';
import { ISSUE_STATUSES } from '../../../functions/domain/vocabulary';
import { NotFoundError } from '../../../functions/shared/errors';
import type { Store } from '../../../functions/store/client';
import type { GridRecord } from '../../../functions/store/grids';
import { publicRateLimit, type RateLimitSubject } from '../../../functions/store/issues/rate-limit';
import type { StationRecord } from '../../../functions/store/stations';
import { apiMessages, type FoundMessages } from './message-sources';

jest.setTimeout(30_000);

const CATALOGUE = { ...ERROR_MESSAGES, ...STORED_NOTES };
/** Each English template as a pattern whose placeholders also match the source's `{}`. */
const sourcePatterns = Object.keys(CATALOGUE).map((template) => ({ template, pattern: templatePattern(template, '\\{\\}') }));
const entriesOf = (text: string) => sourcePatterns.filter(({ pattern }) => pattern.test(text)).map(({ template }) => template);

const CJK = /[\u4e00-\u9fff]/;
/** Chinese characters, or at least Chinese punctuation (`{date}：{problems}`). */
const CHINESE_TEXT = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** The parts of messages that `{clause}` placeholders capture: messages of their own (`from this address`). */
function clausesOf(texts: string[]): string[] {
  return Object.keys(CATALOGUE)
    .filter((template) => /\{(clause|subject)\}/.test(template))
    .flatMap((template) => {
      const index = placeholdersInOrder(template).findIndex((name) => name === '{clause}' || name === '{subject}') + 1;
      return texts.flatMap((text) => templatePattern(template).exec(text)?.[index] ?? []);
    });
}
const placeholdersInOrder = (template: string) => [...template.matchAll(/\{[a-z]+\d*\}/g)].map((match) => match[0]);
const placeholders = (template: string) => placeholdersInOrder(template).sort();

let found: FoundMessages;

beforeAll(() => {
  found = apiMessages();
});

describe('the message catalogue covers the source', () => {
  test('given the source files the API runs, when their messages are collected, then there are many, each read as a literal', () => {
    expect(found.messages.length).toBeGreaterThan(100);
    expect(found.unreadable).toEqual([]);
  });

  test('given every message the API source can send (errors, validation rules, stored notes), when looked up, then each has a Chinese entry', () => {
    const missing = found.messages.filter((message) => entriesOf(message.text).length === 0).map((message) => `${message.where}: ${message.text}`);

    expect(missing).toEqual([]);
  });

  test('given every name errors give records, when looked up, then each has a Chinese name', () => {
    expect(found.entityLabels.map((label) => label.text).filter((label) => !(label in ENTITY_NAMES))).toEqual([]);
  });

  test('given every workflow step, when looked up by the name a CONFLICT gives it, then each has a Chinese name', () => {
    const actions: WorkflowAction[] = ['ASSIGN', 'START', 'RESOLVE', 'TRANSFER', 'CLOSE', 'REOPEN', 'REJECT'];

    expect(actions.map((action) => action.toLowerCase()).filter((action) => !(action in ACTION_NAMES))).toEqual([]);
  });
});

/** Messages put together from parts at run time, each as the code makes it. */
function composedMessages(): { errors: string[]; notes: string[] } {
  const errors: string[] = [];
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      errors.push((error as Error).message);
    }
  };
  const actions: WorkflowAction[] = ['ASSIGN', 'START', 'RESOLVE', 'TRANSFER', 'CLOSE', 'REOPEN', 'REJECT'];
  for (const action of actions) for (const status of ISSUE_STATUSES) refusal(() => nextStatus(action, status));
  refusal(() => requireRole({ subject: 's', districtId: 'd', roles: ['OFFICER'] }, 'ADMIN', 'SUPERVISOR', 'SCHEDULER'));
  for (const label of Object.keys(ENTITY_NAMES)) errors.push(new NotFoundError(label, 'dn-x-1').message);
  for (const subject of ['The issue policy', 'Issue dn-i-1', 'District dingnan']) refusal(() => checkExpectedVersion(subject, { version: 2 }, 1));
  const store = { tableName: 'table' } as Store;
  const subjects: RateLimitSubject[] = [
    { kind: 'SERVICE_CODE', code: 'dingnan-AB12' },
    { kind: 'CLIENT_ADDRESS', address: '127.0.0.1' },
    { kind: 'ADDRESS_AND_CODE', address: '127.0.0.1', code: 'dingnan-AB12' },
  ];
  for (const subject of subjects) errors.push(publicRateLimit(store, 'dingnan', subject, 20, new Date()).onConditionFailed!({}).message);
  return { errors, notes: [] };
}

async function composedNotes(): Promise<string[]> {
  const grid = { id: 'g1', code: 'DN-1', stationId: 's1', leaderId: 'o1', boundary: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } } as GridRecord;
  const station = { id: 's2' } as StationRecord;
  const inside = { lat: 0.5, lng: 0.5 };
  const outside = { lat: 5, lng: 5 };
  const decisions = await Promise.all([
    decideRouting(inside, [grid], undefined, async () => undefined),
    decideRouting(outside, [grid], station, async () => undefined),
    decideRouting(outside, [grid], undefined, async () => undefined),
    decideRouting(undefined, [grid], station, async () => undefined),
    decideRouting(undefined, [grid], undefined, async () => undefined),
  ]);
  const session = (date: string, minutes: number, enforcement: number, qualifies: boolean): ServiceSession => ({
    date,
    startsAt: `${date}T09:00:00+08:00`,
    endsAt: `${date}T11:00:00+08:00`,
    minutes,
    officerIds: ['a', 'b', 'c'],
    enforcementOfficerIds: ['a', 'b', 'c'].slice(0, enforcement),
    activityIds: [],
    shiftIds: [],
    qualifies,
  });
  const policy = { ...defaultDutyPolicy, minSessionsPerWeek: 3, minEnforcementPerSession: 3 };
  const reasons = [
    judgeStation('s1', [], policy),
    judgeStation('s1', [session('2026-11-16', 130, 3, true), session('2026-11-16', 130, 3, true), session('2026-11-17', 90, 0, false), session('2026-11-18', 90, 1, false), session('2026-11-19', 150, 2, false)], policy),
  ].flatMap((verdict) => verdict.reasons);
  return [...decisions.flatMap((decision) => (decision.note ? [decision.note] : [])), ...reasons, 'resolved on the spot', 'routed to grid DN-1', 'transferred to 街道办'];
}

describe('messages put together at run time', () => {
  test('given every refusal the workflow, the roles, NOT_FOUND and the rate limits compose, when translated, then each is Chinese', () => {
    const { errors } = composedMessages();

    expect(errors.length).toBeGreaterThan(20);
    expect(errors.filter((message) => !CJK.test(translateMessage(message, 'zh-CN')))).toEqual([]);
  });

  test('given every routing note and compliance reason, when translated, then each is Chinese, values and codes kept', async () => {
    const notes = await composedNotes();

    expect(notes.filter((note) => !CJK.test(translateNote(note, 'zh-CN')))).toEqual([]);
    expect(notes.map((note) => translateNote(note, 'zh-CN'))).toEqual(
      expect.arrayContaining([
        '网格 DN-1 没有在岗的网格长：等待派遣',
        '不在任何网格内：已转至其服务码所属站点，等待派遣',
        '无位置：未分派，等待派遣',
        '要求 3 次服务，已开展 1 次',
        '2026-11-16：当天已计入另一次合格服务；服务须在不同日期开展',
        '2026-11-17：90 分钟，不足 120 分钟；无执法人员在场',
        '2026-11-18：90 分钟，不足 120 分钟；1 名执法人员在场，要求 3 名',
        '2026-11-19：2 名执法人员在场，要求 3 名',
        '本周没有服务活动或已出勤的班次',
      ]),
    );
  });

  test('given the catalogue, when each entry is matched against the source and the composed messages, then none is left over', async () => {
    const { errors } = composedMessages();
    const whole = [...found.messages.map((message) => message.text), ...errors, ...(await composedNotes())];
    const texts = [...whole, ...clausesOf(whole)];

    expect(sourcePatterns.filter(({ pattern }) => !texts.some((text) => pattern.test(text))).map(({ template }) => template)).toEqual([]);
  });
});

describe('the catalogue itself', () => {
  test.each(Object.entries(CATALOGUE))('given the entry "%s", when its Chinese is read, then it is Chinese and keeps every placeholder', (english, chinese) => {
    expect(chinese).toMatch(CHINESE_TEXT);
    expect(placeholders(chinese)).toEqual(placeholders(english));
  });
});
