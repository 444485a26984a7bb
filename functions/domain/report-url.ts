/**
 * The URL a station's QR code holds (城市服务码). A district with its own report app sets
 * `reportUrl` in its district file, a template with `{code}` where the service code goes; any
 * other district gets this deployment's own report page, `/r/<code>` on the public route.
 */
export const REPORT_PAGE_PATH = '/r/';

/** Whether a district file's `reportUrl` is usable: an http(s) URL with exactly one `{code}`. */
export function reportUrlProblem(template: string): string | undefined {
  if (template.split('{code}').length !== 2) return 'must hold "{code}" exactly once, where the service code goes';
  const sample = template.replace('{code}', 'dingnan-ST01AV');
  if (!URL.canParse(sample)) return 'must be an http(s) URL such as https://report.example.cn/r/{code}';
  const { protocol } = new URL(sample);
  return protocol === 'https:' || protocol === 'http:' ? undefined : 'must be an http(s) URL such as https://report.example.cn/r/{code}';
}

/** The station's full report URL: the template's, or `<base>/r/<code>` (`base` without a trailing slash). */
export function serviceCodeUrl(code: string, options: { template?: string; baseUrl: string }): string {
  const encoded = encodeURIComponent(code);
  return options.template ? options.template.replace('{code}', encoded) : `${options.baseUrl.replace(/\/+$/, '')}${REPORT_PAGE_PATH}${encoded}`;
}
