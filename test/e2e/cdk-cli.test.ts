import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { districtIds } from '../../infra/district-files';

jest.setTimeout(600_000);

/** The CDK CLI and the deploy script as an operator runs them, offline: no notices, no telemetry, no AWS account. */
const repoRoot = join(__dirname, '..', '..');
const offline = { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true' };
const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: repoRoot, env: offline, encoding: 'utf8' });

let outdir: string;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'ccs-cli-'));
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

test('given the district files, when `cdk synth` runs, then every district gets a template whose functions point at bundled code', () => {
  const result = run([require.resolve('aws-cdk/bin/cdk'), 'synth', '--all', '--quiet', '--no-notices', '--output', outdir]);

  expect(result.status).toBe(0);
  for (const id of districtIds()) {
    const stackName = `CommunityCityServices-${id}`;
    const template = JSON.parse(readFileSync(join(outdir, `${stackName}.template.json`), 'utf8')) as {
      Resources: Record<string, { Type: string; Properties: { Code?: { S3Key?: string } } }>;
    };
    const assets = JSON.parse(readFileSync(join(outdir, `${stackName}.assets.json`), 'utf8')) as { files: Record<string, { source: { path: string } }> };
    const functions = Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThanOrEqual(3);
    for (const fn of functions) {
      const asset = assets.files[fn.Properties.Code!.S3Key!.replace(/\.zip$/, '')]!;
      expect(readdirSync(join(outdir, asset.source.path)).length).toBeGreaterThan(0);
    }
  }
});

test('given an unknown district, when the deploy script runs, then it exits 2 naming the district before any synth', () => {
  const deployOut = join(outdir, 'deploy');

  const result = run([require.resolve('tsx/cli'), 'infra/deploy.ts', '--district', 'atlantis', '--output', deployOut]);

  expect(result.status).toBe(2);
  expect(result.stderr).toContain(`unknown district "atlantis": there is no infra/districts/atlantis.json (known: ${districtIds().join(', ')})`);
  expect(existsSync(deployOut)).toBe(false);
});
