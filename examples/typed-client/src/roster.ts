import type { ApolloClient } from '@apollo/client';
import { graphql } from './gql';
import type { WeekRosterQuery } from './gql/graphql';

/** The week's roster (排班): shifts with their station, officers and attendance, and what could not be staffed. */
export const WEEK_ROSTER = graphql(`
  query WeekRoster($week: IsoWeek!) {
    roster(week: $week) {
      id
      week
      status
      version
      generatedAt
      publishedAt
      shifts {
        id
        date
        window
        startsAt
        endsAt
        station {
          id
          name
        }
        officers {
          id
          name
        }
        attendance {
          id
          checkedInAt
          checkedOutAt
          officer {
            id
          }
        }
      }
      unfilled {
        date
        reason
        station {
          id
          name
        }
      }
    }
  }
`);

/** Publishing answers the roster under the same id: the cached WeekRoster shows PUBLISHED at once. */
const PUBLISH_ROSTER = graphql(`
  mutation PublishRoster($week: IsoWeek!) {
    publishRoster(week: $week) {
      id
      status
      version
      publishedAt
    }
  }
`);

export type WeekRoster = NonNullable<WeekRosterQuery['roster']>;
type Shift = WeekRoster['shifts'][number];

/** The roster of `week` (e.g. `2026-W48`), or null before it is generated. */
export async function weekRoster(client: ApolloClient, week: string): Promise<WeekRoster | null> {
  const { data } = await client.query({ query: WEEK_ROSTER, variables: { week } });
  return data?.roster ?? null;
}

export async function publish(client: ApolloClient, week: string): Promise<void> {
  await client.mutate({ mutation: PUBLISH_ROSTER, variables: { week } });
}

/** The shifts of each day, in time order, for a week view. */
export function shiftsByDay(roster: WeekRoster): Map<string, Shift[]> {
  const days = new Map<string, Shift[]>();
  for (const shift of [...roster.shifts].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    days.set(shift.date, [...(days.get(shift.date) ?? []), shift]);
  }
  return days;
}

/** Officers of a shift who have not checked in yet. */
export const notCheckedIn = (shift: Shift): string[] =>
  shift.officers.filter((officer) => !shift.attendance.some((record) => record.officer.id === officer.id)).map((officer) => officer.name);
