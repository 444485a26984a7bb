/** A clock tests set and move, so time limits, overdue and rate windows are tested without waiting. */
export function movingClock(start: string) {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    set: (iso: string) => void (now = Date.parse(iso)),
    advanceMinutes: (minutes: number) => void (now += minutes * 60_000),
  };
}
