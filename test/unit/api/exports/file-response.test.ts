import { parse } from 'content-disposition';
import type { ExportFile } from '../../../../functions/app/exports/export-report';
import { ExportTooLargeError, fileResponse, MAX_RESPONSE_BODY_BYTES } from '../../../../functions/api/exports/file-response';

const file = (format: 'csv' | 'xlsx', body: Buffer): ExportFile => ({
  format,
  contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  filename: `定南县-问题指标-2026-11.${format}`,
  asciiFilename: `dingnan-kpis-2026-11.${format}`,
  body,
});

const caught = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('an export as the HTTP API sends it', () => {
  test('given a CSV, when answered, then it is UTF-8 text with its byte-order mark, an attachment named in Chinese with an ASCII fallback, not cached', () => {
    const answer = fileResponse(file('csv', Buffer.from('\uFEFF范围,名称\r\n全区,定南县\r\n', 'utf8')));

    expect(answer.isBase64Encoded).toBe(false);
    expect(answer.body).toBe('\uFEFF范围,名称\r\n全区,定南县\r\n');
    expect(answer.headers).toMatchObject({ 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store' });
    // A client reading RFC 8187 gets the Chinese name; one that does not, the ASCII one.
    expect(parse(String(answer.headers!['content-disposition'])).parameters.filename).toBe('定南县-问题指标-2026-11.csv');
    expect(parse(String(answer.headers!['content-disposition']), { extended: false }).parameters.filename).toBe('dingnan-kpis-2026-11.csv');
  });

  test('given an XLSX, when answered, then its bytes are base64 for API Gateway to decode', () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);

    const answer = fileResponse(file('xlsx', bytes));

    expect(answer.isBase64Encoded).toBe(true);
    expect(Buffer.from(answer.body!, 'base64')).toEqual(bytes);
  });

  test('given a body just under the limit as Lambda counts it, when answered, then it goes; one whose JSON escapes pass the limit is refused with its size', () => {
    expect(fileResponse(file('csv', Buffer.alloc(MAX_RESPONSE_BODY_BYTES - 2, 'a'))).statusCode).toBe(200);
    // Each quote is two bytes once the response is JSON: half the limit in quotes is over it.
    const error = caught(() => fileResponse(file('csv', Buffer.alloc(MAX_RESPONSE_BODY_BYTES / 2 + 1, '"'))));

    expect(error).toBeInstanceOf(ExportTooLargeError);
    expect((error as ExportTooLargeError).bytes).toBe(MAX_RESPONSE_BODY_BYTES + 4);
  });

  test('given an XLSX whose base64 passes the limit, when answered, then it is refused', () => {
    expect(caught(() => fileResponse(file('xlsx', Buffer.alloc((MAX_RESPONSE_BODY_BYTES / 4) * 3))))).toBeInstanceOf(ExportTooLargeError);
  });
});
