import type { ExportFile } from '../../../../functions/app/exports/export-report';
import { errorResponse } from '../../../../functions/api/exports/error-response';
import { fileResponse, MAX_RESPONSE_BODY_BYTES } from '../../../../functions/api/exports/file-response';
import { BadUserInputError } from '../../../../functions/shared/errors';

const csv = (body: Buffer): ExportFile => ({ format: 'csv', contentType: 'text/csv; charset=utf-8', filename: '定南县-问题指标-2026-11.csv', asciiFilename: 'dingnan-kpis-2026-11.csv', body });

const caught = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('an export refused', () => {
  const logError = jest.fn();

  test('given an export too large, when answered in Chinese, then 413 EXPORT_TOO_LARGE says what to ask for instead', () => {
    const error = caught(() => fileResponse(csv(Buffer.alloc(MAX_RESPONSE_BODY_BYTES + 1, 'a'))));

    const answer = errorResponse(error, 'zh-CN', logError);

    expect(answer.statusCode).toBe(413);
    expect(JSON.parse(answer.body!)).toEqual({
      errors: [{ message: `导出文件为 ${MAX_RESPONSE_BODY_BYTES + 3} 字节，超过响应上限 ${MAX_RESPONSE_BODY_BYTES} 字节：请改用 xlsx（已压缩）或缩短时间段`, extensions: { code: 'EXPORT_TOO_LARGE', bytes: MAX_RESPONSE_BODY_BYTES + 3 } }],
    });
  });

  test('given bad input, when answered, then 400 with the fields as the GraphQL API gives them', () => {
    const answer = errorResponse(BadUserInputError.of('format', 'must be csv or xlsx'), 'en', logError);

    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(answer.body!).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ path: 'format', message: 'must be csv or xlsx' }] });
  });

  test('given an unexpected failure, when answered, then it is logged and the client gets a bare 500 with nothing from inside', () => {
    const answer = errorResponse(new Error('ECONNREFUSED 10.0.0.1'), 'en', logError);

    expect(answer.statusCode).toBe(500);
    expect(answer.body).not.toContain('ECONNREFUSED');
    expect(logError).toHaveBeenCalledWith(expect.objectContaining({ message: 'ECONNREFUSED 10.0.0.1' }));
  });
});
