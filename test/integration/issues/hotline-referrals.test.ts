import { claimsFor } from '../../support/graphql-handler';
import { INSIDE_DN_01_1, REPORT } from '../../support/issue-operations';
import { seededExecutor } from '../../support/seeded-executor';

const admin = claimsFor('dingnan', 'ADMIN');
let fixture: Awaited<ReturnType<typeof seededExecutor>>;

beforeAll(async () => {
  fixture = await seededExecutor();
});
afterAll(() => fixture.stop());

const referral = (ticket: string | undefined, source = 'HOTLINE_12345') => ({
  category: 'ILLEGAL_PARKING',
  description: '12345 转办：小区消防通道被占',
  location: INSIDE_DN_01_1,
  source,
  ...(ticket === undefined ? {} : { hotlineTicket: ticket }),
});
const send = (input: Record<string, unknown>) => fixture.executor.execute(REPORT, { variables: { input }, claims: admin });
const byTicket = (ticket: string) =>
  fixture.executor.execute(`query($t: String!) { issueByHotlineTicket(ticket: $t) { id hotlineTicket source } }`, { variables: { t: ticket }, claims: admin });
const issuesWithDescription = async () =>
  (await fixture.executor.execute(`{ issues(first: 100, filter: { source: HOTLINE_12345 }) { edges { node { id } } } }`, { claims: admin })).data!.issues.edges.length;

describe('12345 hotline referrals', () => {
  test('given a ticket sent twice, when taken in, then one issue answers both and the ticket finds it', async () => {
    const first = await send(referral('DN2026112900017'));
    const second = await send(referral('DN2026112900017'));

    expect(first.errors).toBeUndefined();
    expect(second.data!.reportIssue.issue.id).toBe(first.data!.reportIssue.issue.id);
    expect((await byTicket('DN2026112900017')).data!.issueByHotlineTicket).toEqual({ id: first.data!.reportIssue.issue.id, hotlineTicket: 'DN2026112900017', source: 'HOTLINE_12345' });
  });

  test('given the same ticket sent five times at once, when taken in, then exactly one issue exists for it', async () => {
    const before = await issuesWithDescription();

    const answers = await Promise.all(Array.from({ length: 5 }, () => send(referral('DN2026112900042'))));

    expect(answers.map((answer) => answer.errors)).toEqual(Array(5).fill(undefined));
    expect(new Set(answers.map((answer) => answer.data!.reportIssue.issue.id)).size).toBe(1);
    expect(await issuesWithDescription()).toBe(before + 1);
  });

  test('given a referral without its ticket, or a ticket on a patrol report, when reported, then BAD_USER_INPUT names hotlineTicket and nothing is stored', async () => {
    const before = await issuesWithDescription();

    const missing = await send(referral(undefined));
    const misplaced = await send(referral('DN2026112900099', 'PATROL'));
    const malformed = await send(referral('工单 1'));

    for (const answer of [missing, misplaced, malformed]) {
      expect(answer.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect(answer.errors![0]!.extensions.fields).toEqual([expect.objectContaining({ path: 'input.hotlineTicket' })]);
    }
    expect(await issuesWithDescription()).toBe(before);
    expect((await byTicket('DN2026112900099')).data!.issueByHotlineTicket).toBeNull();
  });

  test('given no token, when a ticket is looked up, then UNAUTHENTICATED', async () => {
    const answer = await fixture.executor.execute(`{ issueByHotlineTicket(ticket: "DN2026112900017") { id } }`);

    expect(answer.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});
