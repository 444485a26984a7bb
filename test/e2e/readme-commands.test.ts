import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../functions/local/dynamodb-local';
import { startLocalProcess, type LocalProcess } from './support/local-process';

jest.setTimeout(300_000);

const repoRoot = resolve(__dirname, '..', '..');
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

/** The bash blocks of one README section (from its `## ` heading to the next). */
function bashBlocksOf(heading: string): string[] {
  const start = readme.indexOf(`\n## ${heading}`);
  if (start < 0) throw new Error(`README has no section "${heading}"`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```bash\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

/** Runs README commands as a reader would, in bash from the repository, against this test's server. */
function runAsReader(script: string, server: { url: string; dataDir: string }): { status: number | null; stdout: string; stderr: string } {
  const pointed = script.replace(/URL=http:\/\/localhost:4000/g, `URL=${server.url}`);
  // stdin is /dev/null: on a socket (as a piped stdin is), bash takes itself for a remote shell and reads the system's bashrc.
  return spawnSync('bash', ['-euo', 'pipefail', '-c', pointed], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: server.dataDir },
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The README's examples, run as written (only the port differs), so the front door cannot drift from the code. */
describe('the README commands', () => {
  let dataDir: string;
  let running: LocalProcess | undefined;
  let server: { url: string; dataDir: string };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'readme-'));
    const port = String(await freePort());
    running = await startLocalProcess({ PORT: port, DATA_DIR: dataDir });
    server = { url: `http://localhost:${port}`, dataDir };
  });
  afterAll(async () => {
    await running?.terminate();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('given npm start, when the "Query it" examples run as written, then each answers data and no error', () => {
    const blocks = bashBlocksOf('Query it');
    expect(blocks.length).toBeGreaterThanOrEqual(2);

    const result = runAsReader(blocks.join('\n'), server);

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/"errors"/);
    expect(result.stdout).toMatch(/"district":\{"name":"定南县"\}/);
    expect(result.stdout).toMatch(/"stationByServiceCode":\{"name":/);
  });

  test('given npm start, when the issue walk-through runs as written, then the report is closed with its history and counted in today\'s KPIs', () => {
    const [walkThrough] = bashBlocksOf('Issues: report → dispatch → handle → close');

    const result = runAsReader(walkThrough!, server);

    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/"errors"/);
    expect(result.stdout).toMatch(/^reported issue [0-9a-f-]{36}$/m);
    expect(result.stdout).toMatch(/"closeIssue":\{"status":"CLOSED","history":\[/);
    expect(result.stdout).toMatch(/"issueStats":\{"total":1,"resolved":1,/);
  });

  test("given npm start, when the scheduler's week runs as written, then Xi'an's verdicts come out and the exports are written", () => {
    const week = bashBlocksOf('Duty: rosters and weekly compliance').find((block) => block.includes('computeCompliance'));

    const result = runAsReader(week!, server);

    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/"errors"/);
    expect(result.stdout).toMatch(/"publishRoster":\{"status":"PUBLISHED"/);
    expect(result.stdout).toMatch(/\{"station":\{"id":"dn-s-01"\},"compliant":false,"reasons":\["1 of 2 required sessions held","2026-11-18: 90 min, under 120"\]\}/);
    expect(result.stdout).toMatch(/\{"station":\{"id":"dn-s-02"\},"compliant":true,"reasons":\[\]\}/);
    expect(result.stdout).toMatch(/^xlsx: .*compliance\.xlsx$/m);
    expect(result.stdout).toMatch(/^xlsx: .*roster\.xlsx$/m);
    expect(result.stdout).toMatch(/^xlsx: .*kpis\.xlsx$/m);
    expect(result.stdout).toMatch(/^dingnan-compliance-2026-W47\.xlsx$/m);
  });

  test('given npm start, when the Open311 examples run as written, then the services and the open requests answer in JSON and XML', () => {
    const open311 = bashBlocksOf('Issues: report → dispatch → handle → close').find((block) => block.includes('/open311/v2/'));

    const result = runAsReader(open311!, server);

    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/"service_code":"ILLEGAL_DUMPING","service_name":"随意倾倒垃圾"/);
    expect(result.stdout).toMatch(/<\?xml version="1.0" encoding="UTF-8"\?>\s*<service_requests>/);
  });
});
