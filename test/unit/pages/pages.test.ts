import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { handler } from '../../../functions/pages/handler';
import { REPORT_PAGE, TRACK_PAGE, pageFor } from '../../../functions/pages/pages';

const eventFor = (method: string, rawPath: string) => ({ rawPath, requestContext: { http: { method } } }) as unknown as APIGatewayProxyEventV2;
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe("the residents' pages", () => {
  test.each([
    ['/r/dingnan-ST01AV', REPORT_PAGE],
    ['/t/dingnan-ABCD-EFGH-JKLMN', TRACK_PAGE],
  ])('given GET %s, when handled, then the page answers as zh-CN HTML that caches briefly and leaks no referrer', async (path, page) => {
    const result = await handler(eventFor('GET', path));

    expect(result).toMatchObject({ statusCode: 200, body: page.html });
    expect(result.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8', 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' });
    expect(page.html).toContain('<html lang="zh-CN">');
    expect(page.html).toContain('width=device-width');
  });

  test.each(['/r/', '/r/a/b', '/x/dingnan-ST01AV', `/r/${'a'.repeat(101)}`])('given GET %s, when handled, then 404', async (path) => {
    expect((await handler(eventFor('GET', path))).statusCode).toBe(404);
  });

  test('given a POST, when handled, then 404', async () => {
    expect((await handler(eventFor('POST', '/r/dingnan-ST01AV'))).statusCode).toBe(404);
  });

  test.each([REPORT_PAGE, TRACK_PAGE])('given a page, when its policy is read, then it allows exactly its inline script and style, and nothing from other sites but the photo bucket', (page) => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(page.html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(page.html)![1]!;
    const csp = page.headers['content-security-policy']!;

    expect(csp).toContain(`script-src ${sha256(script)};`);
    expect(csp).toContain(`style-src ${sha256(style)};`);
    expect(csp).toContain("default-src 'none'");
    expect(page.html).not.toMatch(/<(script|link)[^>]+(src|href)=/);
  });

  test('given the pages, when measured, then each is small enough for a slow phone connection', () => {
    expect(Buffer.byteLength(REPORT_PAGE.html)).toBeLessThan(20_000);
    expect(Buffer.byteLength(TRACK_PAGE.html)).toBeLessThan(20_000);
  });

  test('given the report page, when read, then it offers every category by its Chinese name', () => {
    expect(REPORT_PAGE.html).toContain('<option value="GARBAGE_NOT_COLLECTED">垃圾未及时清运</option>');
    expect(pageFor('/r/x')).toBe(REPORT_PAGE);
  });
});
