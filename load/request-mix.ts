import type autocannon from 'autocannon';
import { seededRandom } from '../bench/support/seeded-random';
import type { DistrictFile } from '../functions/domain/district-file';
import { Ledger, type AcknowledgedIssue, type LoadStatus } from './ledger';
import { PUBLIC_LIMIT_PER_MINUTE, type LoadTarget } from './load-target';
import { ISSUE, ISSUES, REPORT, STATION_ISSUES, STATIONS, STEP_FIELDS, STEPS, type StepAction } from './operations';

/**
 * Public calls the load sends per clock minute, under the limit per client address (every call
 * comes from 127.0.0.1): the margin absorbs calls sent at the end of one minute and counted by
 * the server in the next.
 */
const PUBLIC_BUDGET_PER_MINUTE = Math.floor(PUBLIC_LIMIT_PER_MINUTE * 0.9);

/** The request kinds, in the order each connection cycles through them: half reads, a sixth reports, a third steps. */
const CYCLE = ['stations', 'staffReport', 'issue', 'advance', 'issues', 'publicReport', 'advance', 'stationIssues', 'race', 'issue', 'advance', 'issues'] as const;
type Slot = (typeof CYCLE)[number];

export type RequestKind = 'stations' | 'issues' | 'issue' | 'stationIssues' | 'staffReport' | 'publicReport' | StepAction;

/**
 * What a connection keeps in autocannon's context: the request in flight. (autocannon resets
 * the context at the end of each cycle, so what outlives a cycle is kept in requestMix.)
 */
interface ConnectionState {
  pending?: { kind: RequestKind; issueId?: string; claimed: boolean };
}

/** Counts of what came back, by kind, and samples of anything unexpected. */
export interface Tally {
  sent: Record<string, number>;
  non2xx: number;
  /** GraphQL errors other than a step's CONFLICT. */
  errors: number;
  /** CONFLICTs of steps that lost a race (expected: two connections acting on one issue). */
  conflicts: number;
  samples: string[];
}

const SAMPLES = 10;

/** The next step of an issue's life the load drives, by status. */
const NEXT: Partial<Record<LoadStatus, StepAction>> = { REPORTED: 'ASSIGN', ASSIGNED: 'START', IN_PROGRESS: 'RESOLVE', RESOLVED: 'CLOSE' };

/** A point at the centre of each grid (the seed's grids are rectangles): reports there are routed to the grid's leader. */
function gridCentres(district: DistrictFile): { lat: number; lng: number }[] {
  return district.grids.flatMap((grid) => {
    const ring = grid.boundary?.coordinates[0];
    if (!ring) return [];
    const lngs = ring.map(([lng]) => lng!);
    const lats = ring.map(([, lat]) => lat!);
    return [{ lng: (Math.min(...lngs) + Math.max(...lngs)) / 2, lat: (Math.min(...lats) + Math.max(...lats)) / 2 }];
  });
}

/**
 * The load's requests for autocannon, and what their answers taught: every acknowledged report
 * and step goes into the ledger; every answer is tallied. Each connection cycles through CYCLE:
 * reads (the station dashboard, issue lists, an issue with its history, a station's issues),
 * reports (staff on patrol, and residents through service codes without a token), and steps.
 * An `advance` claims the open issue that has waited longest and sends its next step (assign,
 * start, resolve, close) with the version last seen; a `race` starts a recently dispatched issue
 * without claiming it, so it and the issue's claimed step may collide: one of them is CONFLICT.
 */
export function requestMix(target: LoadTarget, seed = 20261121) {
  const random = seededRandom(seed);
  const ledger = new Ledger();
  const tally: Tally = { sent: {}, non2xx: 0, errors: 0, conflicts: 0, samples: [] };
  const centres = gridCentres(target.district);
  const stations = target.district.stations.filter((station) => station.serviceCode);
  const publicCalls = new Map<string, number>();
  /** Open issues waiting for their next step, oldest first; an issue is out of it while a claimed step is in flight. */
  const waiting: string[] = [];
  let lastReported: string | undefined;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const staff = { 'content-type': 'application/json', authorization: `Bearer ${target.tokens.supervisor}` };
  const officer = { 'content-type': 'application/json', authorization: `Bearer ${target.tokens.officer}` };
  const anonymous = { 'content-type': 'application/json' };

  const graphql = (request: autocannon.Request, path: string, headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) => ({
    ...request,
    method: 'POST' as const,
    path,
    headers,
    body: JSON.stringify({ query, variables }),
  });

  /** Within this minute's public budget? Counts the call if so. */
  const publicCallAllowed = (): boolean => {
    const minute = new Date().toISOString().slice(0, 16);
    const used = publicCalls.get(minute) ?? 0;
    if (used >= PUBLIC_BUDGET_PER_MINUTE) return false;
    publicCalls.set(minute, used + 1);
    return true;
  };

  function setup(slot: Slot, request: autocannon.Request, state: ConnectionState): autocannon.Request {
    const send = (kind: RequestKind, path: string, headers: Record<string, string>, query: string, variables?: Record<string, unknown>, issueId?: string, claimed = false) => {
      state.pending = { kind, ...(issueId ? { issueId } : {}), claimed };
      tally.sent[kind] = (tally.sent[kind] ?? 0) + 1;
      return graphql(request, path, headers, query, variables);
    };
    const staffReport = () =>
      send('staffReport', '/graphql', staff, REPORT, { input: { category: 'ILLEGAL_DUMPING', description: '巡查发现建筑垃圾', source: 'PATROL', location: pick(centres) } });
    const step = (issue: AcknowledgedIssue, claimed: boolean) => {
      const action = NEXT[issue.status]!;
      const variables: Record<string, unknown> = { id: issue.id, ...(claimed ? { expectedVersion: issue.version } : {}) };
      if (action === 'ASSIGN') variables.assigneeId = 'dn-o-01-1';
      if (action === 'CLOSE' && issue.resident) variables.satisfaction = 'SATISFIED';
      return send(action, '/graphql', staff, STEPS[action], variables, issue.id, claimed);
    };
    const readIssue = () => (lastReported ? send('issue', '/graphql', officer, ISSUE, { id: lastReported }) : send('stations', '/graphql', officer, STATIONS));
    switch (slot) {
      case 'stations':
        return send('stations', '/graphql', officer, STATIONS);
      case 'issues':
        return send('issues', '/graphql', staff, ISSUES, random() < 0.5 ? { status: pick(['ASSIGNED', 'IN_PROGRESS', 'RESOLVED']) } : {});
      case 'issue':
        return readIssue();
      case 'stationIssues':
        return send('stationIssues', '/graphql', officer, STATION_ISSUES, { id: pick(stations).id });
      case 'staffReport':
        return staffReport();
      case 'publicReport': {
        if (!publicCallAllowed()) return staffReport();
        const located = random() < 0.7;
        const input = { category: 'GARBAGE_NOT_COLLECTED', description: '垃圾两天没清运', serviceCode: pick(stations).serviceCode, reporterContact: '13800000000', ...(located ? { location: pick(centres) } : {}) };
        return send('publicReport', '/public/graphql', anonymous, REPORT, { input });
      }
      case 'race': {
        const racing = ledger.recentAssigned(random);
        return racing ? step(racing, false) : readIssue();
      }
      case 'advance': {
        const id = waiting.shift();
        return id ? step(ledger.get(id)!, true) : readIssue();
      }
    }
  }

  function sample(line: string): void {
    if (tally.samples.length < SAMPLES) tally.samples.push(line.slice(0, 400));
  }

  /** Puts an issue back in line for its next step, if it has one. */
  function requeue(id: string): void {
    if (NEXT[ledger.get(id)!.status]) waiting.push(id);
  }

  function record(status: number, body: string, state: ConnectionState): void {
    const pending = state.pending;
    state.pending = undefined;
    if (!pending) return;
    const isStep = pending.kind in STEPS;
    if (status < 200 || status > 299) {
      tally.non2xx += 1;
      if (pending.claimed) requeue(pending.issueId!);
      return sample(`${pending.kind}: HTTP ${status} ${body}`);
    }
    const answer = JSON.parse(body) as { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };
    for (const error of answer.errors ?? []) {
      if (isStep && error.extensions?.code === 'CONFLICT') tally.conflicts += 1;
      else {
        tally.errors += 1;
        sample(`${pending.kind}: ${error.extensions?.code} ${error.message}`);
      }
    }
    if (!answer.errors?.length) {
      if (pending.kind === 'staffReport' || pending.kind === 'publicReport') {
        const issue = answer.data!.reportIssue.issue as { id: string; status: LoadStatus };
        ledger.report(issue.id, issue.status, pending.kind === 'publicReport');
        lastReported = issue.id;
        requeue(issue.id);
        return;
      }
      if (isStep) {
        const after = answer.data![STEP_FIELDS[pending.kind as StepAction]] as { version: number; status: LoadStatus };
        ledger.step(pending.issueId!, pending.kind, after.version, after.status);
      }
    }
    if (pending.claimed) requeue(pending.issueId!);
  }

  const requests: autocannon.Request[] = CYCLE.map((slot) => ({
    setupRequest: (request: autocannon.Request, context: object) => setup(slot, request, context as ConnectionState),
    onResponse: (status: number, body: string, context: object) => record(status, body, context as ConnectionState),
  }));

  return { requests, ledger, tally };
}
