import type { ApolloClient } from '@apollo/client';
import { graphql } from './gql';
import type { StationListQuery } from './gql/graphql';

/** The station list, one page at a time: pass the last page's `endCursor` as `after`. */
export const STATION_LIST = graphql(`
  query StationList($first: Int, $after: String) {
    stations(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          kind
          community
          active
          location {
            lat
            lng
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type StationRow = StationListQuery['stations']['edges'][number]['node'];

/** Every station, page by page (`first` is 1..100). */
export async function allStations(client: ApolloClient, pageSize = 50): Promise<StationRow[]> {
  const rows: StationRow[] = [];
  let after: string | undefined;
  do {
    const { data } = await client.query({ query: STATION_LIST, variables: { first: pageSize, after } });
    if (!data) throw new Error('the station list answered no data');
    rows.push(...data.stations.edges.map((edge) => edge.node));
    after = data.stations.pageInfo.hasNextPage ? (data.stations.pageInfo.endCursor ?? undefined) : undefined;
  } while (after);
  return rows;
}

/** A line of the list: the generated types say which fields may be null. */
export function stationLabel(station: StationRow): string {
  const place = station.community ?? (station.location ? `${station.location.lat.toFixed(4)}, ${station.location.lng.toFixed(4)}` : 'no address');
  return `${station.name} (${station.kind}${station.active ? '' : ', closed'}) — ${place}`;
}
