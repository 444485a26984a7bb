import type { DutyPolicy } from '../duty-policy';
import type { PendingSession, ServiceSession, StationVerdict } from './types';

/**
 * A station's week under the policy (docs/domain.md, Weekly compliance): compliant with at least
 * `minSessionsPerWeek` qualifying sessions, counted once per day when sessions must be on
 * distinct days. A non-compliant station gets reasons a person can act on:
 * "1 of 2 required sessions held", "2026-11-18: 90 min, under 120". Sessions awaiting
 * verification (`pending`) are listed and never counted; a non-compliant station's reasons name them.
 */
export function judgeStation(stationId: string, sessions: ServiceSession[], policy: DutyPolicy, pending: PendingSession[] = []): StationVerdict {
  const required = policy.minSessionsPerWeek;
  const countedDays = new Set<string>();
  const sameDayRepeats: ServiceSession[] = [];
  let qualifying = 0;
  for (const session of sessions.filter((candidate) => candidate.qualifies)) {
    if (policy.sessionsOnDistinctDays && countedDays.has(session.date)) {
      sameDayRepeats.push(session);
      continue;
    }
    countedDays.add(session.date);
    qualifying += 1;
  }
  const compliant = qualifying >= required;
  return {
    stationId,
    qualifyingSessions: qualifying,
    requiredSessions: required,
    serviceMinutes: sessions.reduce((sum, session) => sum + session.minutes, 0),
    compliant,
    reasons: compliant ? [] : [...reasons(sessions, sameDayRepeats, qualifying, policy, pending.length > 0), ...pending.map(pendingReason)],
    sessions,
    pendingSessions: pending,
  };
}

function reasons(sessions: ServiceSession[], sameDayRepeats: ServiceSession[], qualifying: number, policy: DutyPolicy, anyPending: boolean): string[] {
  const lines = [`${qualifying} of ${policy.minSessionsPerWeek} required sessions held`];
  if (sessions.length === 0 && !anyPending) lines.push('no service session or attended shift this week');
  for (const session of sessions) {
    if (session.qualifies) {
      if (sameDayRepeats.includes(session)) lines.push(`${session.date}: another qualifying session that day already counted; sessions must be on distinct days`);
      continue;
    }
    const problems: string[] = [];
    if (session.minutes < policy.minSessionMinutes) problems.push(`${session.minutes} min, under ${policy.minSessionMinutes}`);
    const enforcement = session.enforcementOfficerIds.length;
    if (enforcement < policy.minEnforcementPerSession) {
      // Whole sentences, so each is one entry of the message catalogue (domain/messages).
      const required = policy.minEnforcementPerSession;
      problems.push(
        enforcement === 0
          ? 'no enforcement officer present'
          : enforcement === 1
            ? `1 enforcement officer present, ${required} required`
            : `${enforcement} enforcement officers present, ${required} required`,
      );
    }
    lines.push(`${session.date}: ${problems.join('; ')}`);
  }
  return lines;
}

/** "2026-11-18: the session 14:00–15:30 is pending verification and not counted". */
function pendingReason(session: PendingSession): string {
  // Activities are stored in the district's offset, so the local time is the ISO text's.
  const time = (instant: string) => instant.slice(11, 16);
  return `${session.date}: the session ${time(session.startsAt)}–${time(session.endsAt)} is pending verification and not counted`;
}
