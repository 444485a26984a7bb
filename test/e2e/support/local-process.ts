import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..', '..');
/** npm itself, as a user runs it: the start script `exec`s tsx, so npm's SIGTERM reaches the server. */
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export interface LocalProcess {
  child: ChildProcess;
  url: string;
  /** java's pid, from the server's progress line. */
  dynamoDbPid: number;
  output(): string;
  /** SIGTERM, then the exit code. */
  terminate(): Promise<number | null>;
}

/** Spawns the `npm start` program with its own port and data dir (and any other variables, such as CORS_ORIGINS); resolves on its `ready` line. */
export function startLocalProcess(env: { PORT: string; DATA_DIR: string } & Record<string, string>, timeoutMs = 240_000): Promise<LocalProcess> {
  const child = spawn(npm, ['start'], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`no ready line within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code} before ready:\n${output}`));
    });
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /^ready: (\S+)/m.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      const pid = /DynamoDB Local \(pid (\d+)\)/.exec(output);
      resolve({
        child,
        url: ready[1]!,
        dynamoDbPid: Number(pid?.[1]),
        output: () => output,
        terminate: async () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
  });
}

/** What `npm run -s token -- …` prints. */
export function runTokenCli(args: string[], dataDir: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(npm, ['run', '-s', 'token', '--', ...args], { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** True while a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
