import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { create as contentDisposition } from 'content-disposition';
import type { ExportFile } from '../../app/exports/export-report';

/**
 * Lambda answers a synchronous invocation with at most 6 MB (6 291 456 bytes) of JSON: the
 * body, as a JSON string, and the status and headers around it. The body is kept under
 * 6 000 000 bytes, which leaves ≈ 290 KB for the rest (a few hundred bytes in practice).
 */
export const MAX_RESPONSE_BODY_BYTES = 6_000_000;

/**
 * An export too large for one response. A roster row is ≈ 150 bytes of CSV: a week of a
 * Dongguan-sized district (330 stations × 7 days × 3 windows ≈ 6 930 shifts) is ≈ 1 MB of CSV and
 * far less as XLSX (zip-compressed, then base64: × 4/3); ten times that district passes 6 MB as
 * CSV, and the answer then says to ask for XLSX. A month of KPIs is one row per station and grid.
 */
export class ExportTooLargeError extends Error {
  readonly code = 'EXPORT_TOO_LARGE';

  constructor(message: string, readonly bytes: number) {
    super(message);
    this.name = 'ExportTooLargeError';
  }
}

/**
 * The file as the HTTP API sends it (payload 2.0): CSV as UTF-8 text (its byte-order mark kept),
 * XLSX base64-encoded with `isBase64Encoded`, which API Gateway decodes to the bytes. Downloaded
 * as an attachment named in Chinese (RFC 8187 `filename*`) with an ASCII `filename` for older
 * clients; never cached (it holds names and attendance).
 */
export function fileResponse(file: ExportFile): APIGatewayProxyStructuredResultV2 {
  const base64 = file.format === 'xlsx';
  const body = base64 ? file.body.toString('base64') : file.body.toString('utf8');
  // Measured as Lambda counts it: the body inside the JSON of the response (quotes and line breaks escaped).
  const bytes = Buffer.byteLength(JSON.stringify(body));
  if (bytes > MAX_RESPONSE_BODY_BYTES) {
    throw new ExportTooLargeError(`The export is ${bytes} bytes, over the ${MAX_RESPONSE_BODY_BYTES} a response may carry: ask for xlsx (compressed) or a shorter period`, bytes);
  }
  return {
    statusCode: 200,
    headers: {
      'content-type': file.contentType,
      'content-disposition': contentDisposition(file.filename, { fallback: file.asciiFilename }),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body,
    isBase64Encoded: base64,
  };
}
