import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditServer, type AuditResult } from 'graphql-http';
import { freePort } from '../../functions/local/dynamodb-local';
import { signLocalToken } from '../../functions/local/local-auth';
import { loadOrCreateSigningKey } from '../../functions/local/signing-key';
import { startLocalProcess, type LocalProcess } from './support/local-process';

jest.setTimeout(240_000);

/**
 * The SHOULDs the README declines, read from its table (the first column's audit id), so that
 * the README and this test cannot disagree: a new failure, or a declined one that starts to
 * pass, fails the test until the README says so.
 */
function declinedInReadme(): string[] {
  const lines = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8').split('\n');
  const header = lines.findIndex((line) => /^\|\s*declined SHOULD\s*\|/.test(line));
  if (header < 0) throw new Error('README.md has no "| declined SHOULD |" table');
  const rows = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(/^\|\s*`([0-9A-Z]{4})`/.exec(line)?.[1] ?? `unreadable row: ${line}`);
  }
  return rows.sort();
}

const idsOf = (results: AuditResult[], level: 'MUST' | 'SHOULD', failing: boolean) =>
  results
    .filter((result) => result.name.startsWith(`${level} `) && (result.status !== 'ok') === failing)
    .map((result) => result.id)
    .sort();

/** Why each failure failed, for the test's message. */
const reasons = (results: AuditResult[]) => results.filter((result) => result.status !== 'ok').map((result) => `${result.id} ${result.name}: ${'reason' in result ? result.reason : ''}`);

/** graphql-http's audit of the GraphQL-over-HTTP spec against the real `npm start`, on both routes. */
describe('GraphQL over HTTP conformance of npm start', () => {
  let dataDir: string;
  let running: LocalProcess;
  let token: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'http-conformance-'));
    running = await startLocalProcess({ PORT: String(await freePort()), DATA_DIR: dataDir });
    token = await signLocalToken(await loadOrCreateSigningKey(dataDir), { role: 'ADMIN', district: 'dingnan' });
  });
  afterAll(async () => {
    await running?.terminate();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('given the README, when its declined SHOULDs are read, then there are some, each an audit id', () => {
    expect(declinedInReadme()).toEqual(expect.arrayContaining([expect.stringMatching(/^[0-9A-Z]{4}$/)]));
    for (const id of declinedInReadme()) expect(id).toMatch(/^[0-9A-Z]{4}$/);
  });

  test.each([
    ['/graphql with an ADMIN token', '/graphql', true],
    ['/graphql without a token', '/graphql', false],
    ['/public/graphql', '/public/graphql', false],
  ])('given %s, when audited, then every MUST passes and the failing SHOULDs are exactly those the README declines', async (_label, path, withToken) => {
    const url = new URL(path, running.url).toString();
    const fetchFn: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      if (withToken) headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    };

    const results = await auditServer({ url, fetchFn });

    expect(idsOf(results, 'MUST', false).length).toBeGreaterThanOrEqual(13);
    expect({ failingMusts: idsOf(results, 'MUST', true), reasons: reasons(results) }).toEqual({ failingMusts: [], reasons: expect.anything() });
    expect({ failingShoulds: idsOf(results, 'SHOULD', true), reasons: reasons(results) }).toEqual({ failingShoulds: declinedInReadme(), reasons: expect.anything() });
  });
});
