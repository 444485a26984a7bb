import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { runTokenCli } from './support/local-process';

jest.setTimeout(60_000);

const JWT_LINE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\n$/;

describe('token CLI', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'token-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('given `npm run -s token -- --role ADMIN --district dingnan`, when run, then stdout is exactly one JWT', () => {
    const result = spawnSync('npm', ['run', '-s', 'token', '--', '--role', 'ADMIN', '--district', 'dingnan'], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    });

    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(JWT_LINE);
    expect(decodeJwt(result.stdout.trim())).toMatchObject({ 'cognito:groups': ['ADMIN'], 'custom:district': 'dingnan' });
  });

  test('given --officer, when run, then the token names the officer', () => {
    const result = runTokenCli(['--role', 'OFFICER', '--district', 'dingnan', '--officer', 'dn-o-01'], dataDir);

    expect(result.stdout).toMatch(JWT_LINE);
    expect(decodeJwt(result.stdout.trim())).toMatchObject({ 'cognito:groups': ['OFFICER'], 'custom:officerId': 'dn-o-01' });
  });

  test.each([
    ['a bad role', ['--role', 'ROOT', '--district', 'dingnan']],
    ['no role', ['--district', 'dingnan']],
    ['an unknown flag', ['--role', 'ADMIN', '--district', 'dingnan', '--forever']],
  ])('given %s, when run, then exit 2 with one line on stderr and nothing on stdout', (_label, args) => {
    const result = runTokenCli(args, dataDir);

    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^[^\n]+\n$/);
  });
});
