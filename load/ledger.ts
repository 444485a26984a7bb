/** The issue statuses the load drives issues through (a subset of the workflow). */
export type LoadStatus = 'REPORTED' | 'ASSIGNED' | 'IN_PROGRESS' | 'RESOLVED' | 'CLOSED';

const RECENT = 64;

/** What the API acknowledged about an issue: its report, and each step it answered with success. */
export interface AcknowledgedIssue {
  id: string;
  /** Reported by a resident (closing it records their satisfaction). */
  resident: boolean;
  /** Events the report itself wrote: 1, or 2 when routing dispatched it at once (REPORT + ASSIGN). */
  firstEvents: number;
  /** The latest state an answer showed (the highest version). */
  status: LoadStatus;
  version: number;
  /** Acknowledged steps: the version each produced and the status it led to. */
  steps: { action: string; version: number; toStatus: LoadStatus }[];
}

/**
 * Every write the API acknowledged during the load, so the store can be checked against it
 * afterwards. Only 2xx answers without errors are recorded: a request whose answer never
 * arrived may or may not have been applied, and is not counted either way.
 */
export class Ledger {
  private readonly issues = new Map<string, AcknowledgedIssue>();
  /** The latest issues reported straight to ASSIGNED: what racing steps aim at. */
  private readonly recentlyAssigned: string[] = [];

  report(id: string, status: LoadStatus, resident: boolean): void {
    this.issues.set(id, { id, resident, firstEvents: status === 'REPORTED' ? 1 : 2, status, version: 1, steps: [] });
    if (status === 'ASSIGNED') {
      this.recentlyAssigned.push(id);
      if (this.recentlyAssigned.length > RECENT) this.recentlyAssigned.shift();
    }
  }

  step(id: string, action: string, version: number, toStatus: LoadStatus): void {
    const issue = this.issues.get(id);
    if (!issue) throw new Error(`step ${action} acknowledged for issue ${id}, whose report was not`);
    issue.steps.push({ action, version, toStatus });
    if (version > issue.version) Object.assign(issue, { version, status: toStatus });
  }

  get(id: string): AcknowledgedIssue | undefined {
    return this.issues.get(id);
  }

  /** One of the latest issues reported as ASSIGNED, as far as the answers so far show; any connection may have reported it. */
  recentAssigned(random: () => number): AcknowledgedIssue | undefined {
    const id = this.recentlyAssigned[Math.floor(random() * this.recentlyAssigned.length)];
    const issue = id === undefined ? undefined : this.issues.get(id);
    return issue?.status === 'ASSIGNED' ? issue : undefined;
  }

  all(): AcknowledgedIssue[] {
    return [...this.issues.values()];
  }

  get reports(): number {
    return this.issues.size;
  }

  get steps(): number {
    return this.all().reduce((sum, issue) => sum + issue.steps.length, 0);
  }
}
