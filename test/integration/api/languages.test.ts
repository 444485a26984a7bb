import gcoord from 'gcoord';
import { claimsFor, graphqlEvent, lambdaContext, loadHandler, type GraphqlError } from '../../support/graphql-handler';
import { INSIDE_DN_01_1, OUTSIDE_EVERY_GRID, REPORT } from '../../support/issue-operations';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

/**
 * Answers in the request's language (Accept-Language): a mini-program in Chinese gets Chinese
 * messages for everything we write, with the codes and field paths an English client gets.
 */
const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const officer = claimsFor('dingnan', 'OFFICER', 'dn-o-01-2');
const ZH = 'zh-CN,zh;q=0.9,en;q=0.8';
const CJK = /[\u4e00-\u9fff]/;

let store: TestStore;
let handler: Awaited<ReturnType<typeof loadHandler>>;

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, 'dingnan');
  handler = await loadHandler(store);
});
afterAll(() => store.drop());

async function call(query: string, options: { variables?: Record<string, unknown>; claims?: Record<string, string>; language?: string } = {}) {
  const event = graphqlEvent({ query, variables: options.variables }, options.claims);
  if (options.language) event.headers = { ...event.headers, 'accept-language': options.language };
  const result = await handler(event, lambdaContext());
  return JSON.parse(result.body ?? '{}') as { data?: Record<string, any>; errors?: GraphqlError[] };
}

const CREATE_STATION = `mutation Create($input: CreateStationInput!) { createStation(input: $input) { id version } }`;
const UPDATE_STATION = `mutation Update($input: UpdateStationInput!) { updateStation(input: $input) { id version } }`;
const shape = (errors: GraphqlError[] | undefined) => (errors ?? []).map((error) => ({ code: error.extensions.code, path: error.path, fields: error.extensions.fields?.map((field) => field.path) }));

describe('answers in the request\'s language', () => {
  test('given a zh-CN request with bad input, when a station is created, then Chinese field messages and a Chinese error message, the same code and paths as in English', async () => {
    const input = { name: '  ', kind: 'SERVICE_POST', location: { lat: 24.78, lng: 215, coordinateSystem: 'GCJ02' }, amenities: ['x'.repeat(51)], serviceCode: 'lowercase' };

    const english = await call(CREATE_STATION, { variables: { input }, claims: admin });
    const chinese = await call(CREATE_STATION, { variables: { input }, claims: admin, language: ZH });

    expect(shape(chinese.errors)).toEqual(shape(english.errors));
    expect(shape(chinese.errors)[0]).toMatchObject({ code: 'BAD_USER_INPUT', path: ['createStation'] });
    const messages = Object.fromEntries(chinese.errors![0]!.extensions.fields!.map((field) => [field.path, field.message]));
    expect(messages).toEqual({
      'input.name': '不得为空',
      'input.location.lng': '数值过大：期望 number <=180',
      'input.amenities.0': '不得超过 50 个字符',
      'input.serviceCode': '格式必须为 "<辖区>-<4 到 12 个大写字母或数字>"',
    });
    expect(chinese.errors![0]!.message).toMatch(/^输入无效：input\.name：不得为空；/);
    expect(english.errors![0]!.extensions.fields!.every((field) => !CJK.test(field.message))).toBe(true);
  });

  test('given zh-CN, when a station is missing, a role is wrong or a version is stale, then NOT_FOUND, FORBIDDEN and CONFLICT speak Chinese with their codes unchanged', async () => {
    const missing = await call(`{ station(id: "dn-s-99") { id } }`, { claims: admin, language: ZH });
    const forbidden = await call(CREATE_STATION, { variables: { input: { name: '驿站', kind: 'SERVICE_POST' } }, claims: officer, language: ZH });
    const created = (await call(CREATE_STATION, { variables: { input: { name: '语言测试驿站', kind: 'SERVICE_POST' } }, claims: admin })).data!.createStation;
    const stale = await call(UPDATE_STATION, { variables: { input: { id: created.id, expectedVersion: 7, name: '新名' } }, claims: admin, language: ZH });

    expect(missing.errors!.map((error) => [error.extensions.code, error.message])).toEqual([['NOT_FOUND', '未找到站点 dn-s-99']]);
    expect(forbidden.errors!.map((error) => [error.extensions.code, error.message])).toEqual([['FORBIDDEN', '此操作需要角色 ADMIN']]);
    expect(stale.errors!.map((error) => [error.extensions.code, error.message])).toEqual([['CONFLICT', `站点 ${created.id} 当前为第 1 版，而非预期的第 7 版`]]);
  });

  test('given zh-CN, when reports are routed, then the routing notes and the routing step\'s note are Chinese; in English they are as stored', async () => {
    const report = (location: Record<string, unknown>, language?: string) =>
      call(REPORT, { variables: { input: { category: 'STRAY_STALL', description: '路口流动摊贩', location, source: 'HOTLINE' } }, claims: supervisor, language });
    const [lng, lat] = gcoord.transform([INSIDE_DN_01_1.lng, INSIDE_DN_01_1.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];

    const outside = (await report(OUTSIDE_EVERY_GRID, ZH)).data!.reportIssue.issue;
    const routed = (await report({ lat, lng, coordinateSystem: 'GCJ02' }, ZH)).data!.reportIssue.issue;
    const inEnglish = (await report(OUTSIDE_EVERY_GRID)).data!.reportIssue.issue;

    expect(outside.routingNote).toBe('不在任何网格内：未分派，等待派遣');
    expect(routed.grid).toEqual({ id: 'dn-g-01-1' });
    expect(routed.history.map((event: { action: string; note: string | null }) => [event.action, event.note])).toEqual([
      ['REPORT', null],
      ['ASSIGN', '已分派至网格 DN-01-1'],
    ]);
    expect(inEnglish.routingNote).toBe('outside every grid: not routed, waiting for dispatch');
  });
});
