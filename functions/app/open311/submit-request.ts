import { inFormTerms, parseOpen311Form } from '../../domain/open311/request-form';
import type { IssueRecord } from '../../store/issues/issue-record';
import { reportIssue } from '../issues/report-issue';
import type { Services } from '../services';

/**
 * GeoReport v2 `POST requests`: the form becomes an anonymous `reportIssue` under the
 * service-code rule (the station's code in `attribute[station_code]`), so it meets the same
 * validation, routing, rate limits and privacy rules as the public GraphQL mutation. Errors
 * name the form's fields.
 */
export async function submitOpen311Request(services: Services, form: Record<string, string>, origin: { clientAddress?: string }): Promise<IssueRecord> {
  try {
    const { issue } = await reportIssue(services, undefined, parseOpen311Form(form), origin);
    return issue;
  } catch (error) {
    throw inFormTerms(error, form);
  }
}
