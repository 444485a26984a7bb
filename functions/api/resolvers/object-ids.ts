/**
 * The ids of the objects that have no key of their own in the store, so that a client's
 * normalized cache (Apollo Client's InMemoryCache keys by `__typename` and `id`) replaces what it
 * holds when a mutation answers the same object. Each is derived from what identifies the object,
 * never from its content: the same object always has the same id, whatever changed in it.
 * An id is unique within the caller's district (a token sees one district); objects of the whole
 * district start with the district's id, the others with the id of the object they belong to.
 */
export const objectIds = {
  /** `dingnan:issue-policy`: one per district. */
  issuePolicy: (districtId: string): string => `${districtId}:issue-policy`,
  /** `dingnan:duty-policy`: one per district. */
  dutyPolicy: (districtId: string): string => `${districtId}:duty-policy`,
  /** `dingnan:2026-W48`: one roster per week (regenerating it keeps the id). */
  roster: (districtId: string, week: string): string => `${districtId}:${week}`,
  /** `dingnan:2026-W48:compliance`: one report per week. */
  complianceReport: (districtId: string, week: string): string => `${districtId}:${week}:compliance`,
  /** `dingnan:2026-W48:compliance:dn-s-01`: a station's entry of the week's report. */
  stationCompliance: (districtId: string, week: string, stationId: string): string => `${objectIds.complianceReport(districtId, week)}:${stationId}`,
  /** `2026-11-18.EARLY.dn-s-01:dn-o-07`: the shift's id and the officer's (one check-in per shift and officer). */
  attendance: (shiftId: string, officerId: string): string => `${shiftId}:${officerId}`,
  /** `dn-o-07:2026-11-23:2026-11-24`: the officer and both days, as the leave is stored (the same leave again is the same item). */
  leave: (officerId: string, from: string, to: string): string => `${officerId}:${from}:${to}`,
  /** `<issue id>:3`: the issue and the step's sequence number (1 is the report). */
  issueEvent: (issueId: string, sequence: number): string => `${issueId}:${sequence}`,
};
