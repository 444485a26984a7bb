import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JAVA_MISSING_MESSAGE } from '../../functions/local/dynamodb-local';

const repoRoot = join(__dirname, '..', '..');

test('given a machine without java, when the server is started, then one line says so with the install command and it exits 1', () => {
  const binDir = mkdtempSync(join(tmpdir(), 'no-java-'));
  symlinkSync(process.execPath, join(binDir, 'node'));
  try {
    const result = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['functions/local/start.ts'], {
      cwd: repoRoot,
      env: { PATH: binDir, HOME: process.env.HOME, DATA_DIR: join(binDir, 'data'), PORT: '0' },
      encoding: 'utf8',
    });

    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(JAVA_MISSING_MESSAGE);
    expect(JAVA_MISSING_MESSAGE).toMatch(/apt-get install -y openjdk-17-jre-headless/);
  } finally {
    rmSync(binDir, { recursive: true, force: true });
  }
});
