/**
 * The lifecycle of a reporter's personal data: their contact, and the photos marked as showing
 * people, are kept while the case is handled and for `retentionDays` after it is closed, then
 * erased (个人信息保护法: kept no longer than the purpose needs). What is counted about the case
 * (its statistics, times, status, category, place) is not personal and stays.
 */
export const DEFAULT_RETENTION_DAYS = 180;

/** The bounds a district may set its retention within: at least a week of follow-up, at most ten years. */
export const RETENTION_DAYS_RANGE = { min: 7, max: 3650 } as const;

interface ReporterData {
  reporterContact?: string;
  photoUrls: readonly string[];
  photosShowPeople: boolean;
}

/** Whether an issue still holds data about a person: a contact, or photos marked as showing people. */
export const holdsReporterData = (issue: ReporterData): boolean => !!issue.reporterContact || (issue.photosShowPeople && issue.photoUrls.length > 0);

/** What erasing leaves of the reporter's data: no contact, and no photos if they show people (the others stay). */
export function erasedReporterData(issue: ReporterData): { reporterContact: undefined; photoUrls: string[] } {
  return { reporterContact: undefined, photoUrls: issue.photosShowPeople ? [] : [...issue.photoUrls] };
}

/** Issues closed before this instant are due for erasure at `now` (UTC ISO). */
export const erasureCutoff = (now: Date, retentionDays: number): string => new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
