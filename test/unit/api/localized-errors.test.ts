import { graphqlEvent, lambdaContext } from '../../support/graphql-handler';
import { mockedHandlerWithLogs } from './mocked-handler';

/**
 * Errors in the request's language, through the real handler with DynamoDB mocked (the requests
 * here fail before any read): Chinese messages for Accept-Language zh-CN, the same codes and
 * field paths as in English.
 */
const { dynamo, handler } = mockedHandlerWithLogs();

interface Answer {
  errors?: { message: string; extensions: { code: string; fields?: { path: string; message: string }[] } }[];
}

async function post(query: string, variables: Record<string, unknown>, acceptLanguage?: string): Promise<Answer> {
  const event = graphqlEvent({ query, variables });
  if (acceptLanguage) event.headers = { ...event.headers, 'accept-language': acceptLanguage };
  const result = await handler(event, lambdaContext());
  return JSON.parse(result.body ?? '{}') as Answer;
}

const REPORT = `mutation Report($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id } } }`;
const badReport = { input: { category: 'OTHER', description: '   ', location: { lat: 91, lng: 115 }, serviceCode: 'dingnan-AB12', photoUrls: ['http://img.example/1.jpg'] } };
const CJK = /[\u4e00-\u9fff]/;

test('given Accept-Language zh-CN and a report with bad fields, when posted, then each field message and the error message are Chinese, codes and paths as in English', async () => {
  const english = await post(REPORT, badReport);
  const chinese = await post(REPORT, badReport, 'zh-CN,zh;q=0.9,en;q=0.8');

  const [en, zh] = [english.errors![0]!, chinese.errors![0]!];
  expect(zh.extensions.code).toBe('BAD_USER_INPUT');
  expect(zh.extensions.fields!.map((field) => field.path)).toEqual(en.extensions.fields!.map((field) => field.path));
  expect(Object.fromEntries(zh.extensions.fields!.map((field) => [field.path, field.message]))).toEqual({
    'input.description': '不得为空',
    'input.location.lat': '数值过大：期望 number <=90',
    'input.photoUrls.0': '必须是 https 网址',
  });
  expect(zh.message).toBe('输入无效：input.description：不得为空；input.location.lat：数值过大：期望 number <=90；input.photoUrls.0：必须是 https 网址');
  expect(en.message).toBe('Invalid input: input.description: must not be empty; input.location.lat: Too big: expected number to be <=90; input.photoUrls.0: must be an https URL');
  expect(dynamo.calls()).toHaveLength(0);
});

test('given no token and Accept-Language zh, when a staff query is posted, then UNAUTHENTICATED in Chinese', async () => {
  const answer = await post('{ district { id } }', {}, 'zh');

  expect(answer.errors!.map((error) => [error.extensions.code, error.message])).toEqual([['UNAUTHENTICATED', '需要有效的 Bearer 令牌']]);
});

test('given Accept-Language that prefers English over Chinese, when the same is posted, then the messages are English', async () => {
  const answer = await post('{ district { id } }', {}, 'en-US,en;q=0.9,zh-CN;q=0.8');

  expect(answer.errors![0]!.message).toBe('A valid bearer token is required');
  expect(answer.errors![0]!.message).not.toMatch(CJK);
});

test('given Accept-Language zh-CN and a malformed query, when posted, then Apollo\'s own validation message is left as it is (only our messages are translated)', async () => {
  const answer = await post('{ nothingHere }', {}, 'zh-CN');

  expect(answer.errors![0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(answer.errors![0]!.message).toMatch(/Cannot query field "nothingHere"/);
});
