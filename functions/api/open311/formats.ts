import { XMLBuilder } from 'fast-xml-parser';

/** The two formats GeoReport v2 names by the resource's extension: XML (required by the spec) and JSON. */
export type Open311Format = 'xml' | 'json';

export const CONTENT_TYPES: Record<Open311Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const xml = new XMLBuilder({ ignoreAttributes: false, format: true, suppressBooleanAttributes: false });

type Row = object;

/**
 * One answer in both formats: JSON is the array of rows (or the one object, for a service
 * definition); XML wraps each row in `element` inside `root`, after the declaration with
 * encoding="UTF-8" the spec requires. Absent values are left out of both.
 */
export function render(format: Open311Format, root: string, element: string | undefined, rows: Row[] | Row): string {
  const present = (row: Row): Row => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined && value !== null));
  const cleaned = Array.isArray(rows) ? rows.map(present) : present(rows);
  if (format === 'json') return JSON.stringify(cleaned);
  const body = element ? { [element]: cleaned } : cleaned;
  return xml.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, [root]: body });
}

/** The spec's error shape: `[{code, description}]` in JSON, `<errors><error>…` in XML. */
export const renderErrors = (format: Open311Format, status: number, descriptions: string[]): string =>
  render(
    format,
    'errors',
    'error',
    descriptions.map((description) => ({ code: status, description })),
  );
