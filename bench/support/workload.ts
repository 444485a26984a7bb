import type { SeededData } from './seed';
import type { BenchOperation } from './operations';
import { OPERATIONS } from './operations';

/**
 * Variables for round `round` of an operation. Mutations take fresh inputs each call: every
 * reportIssue files a new, routed and assigned issue, and every transition starts one of those.
 */
export interface Workload {
  variables(operation: BenchOperation, round: number): Record<string, unknown>;
  /** Records an issue a reportIssue call created (ASSIGNED), for a later transition. */
  reported(issueId: string): void;
}

const CATEGORIES = ['ILLEGAL_DUMPING', 'STRAY_STALL', 'MESSY_WIRING', 'FLYERS_AND_ADS', 'ROAD_OCCUPYING_BUSINESS'] as const;

export function createWorkload(seeded: SeededData): Workload {
  const assigned: string[] = [];
  const stations = seeded.dingnan.stations.map((station) => station.id);
  return {
    reported: (issueId) => void assigned.push(issueId),
    variables(operation, round) {
      switch (operation) {
        case OPERATIONS.dashboard:
        case OPERATIONS.dashboardAsOfficer:
          return { id: stations[round % stations.length], week: seeded.week };
        case OPERATIONS.complianceReport:
          return { week: seeded.week };
        case OPERATIONS.reportIssue:
          return {
            input: {
              category: CATEGORIES[round % CATEGORIES.length],
              description: `基准测试上报 #${round}`,
              location: seeded.gridCentres[round % seeded.gridCentres.length],
              source: 'PATROL',
            },
          };
        case OPERATIONS.transition: {
          const id = assigned.shift();
          if (!id) throw new Error('no reported issue left to start: run reportIssue first, as often as transitions');
          return { id };
        }
        default:
          return {};
      }
    },
  };
}

/** The id of the issue a reportIssue response created, if it was one. */
export function reportedIssueId(data: unknown): string | undefined {
  return (data as { reportIssue?: { issue?: { id?: string } } } | undefined)?.reportIssue?.issue?.id;
}
