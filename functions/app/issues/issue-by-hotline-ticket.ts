import { requireCaller, type Caller } from '../../domain/caller';
import { issueByHotlineTicketArguments } from '../../domain/validation/issue-inputs';
import { parseArguments } from '../../domain/validation/parse';
import type { IssueRecord } from '../../store/issues/issue-record';
import type { Services } from '../services';

/** `issueByHotlineTicket(ticket)`: the issue a 12345 ticket made in the caller's district (staff), or null. */
export async function issueByHotlineTicket(services: Services, caller: Caller | undefined, args: unknown): Promise<IssueRecord | null> {
  const { districtId } = requireCaller(caller);
  const { ticket } = parseArguments(issueByHotlineTicketArguments, args);
  const issueId = await services.hotlineTickets.issueIdOf(districtId, ticket);
  return issueId ? ((await services.issues.get(districtId, issueId)) ?? null) : null;
}
