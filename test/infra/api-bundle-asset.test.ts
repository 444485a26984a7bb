import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiStack, apiStackId } from '../../infra/api-stack';

jest.setTimeout(120_000);

/** Lambda's limit is 250 MB unpacked; a GraphQL API bundle far beyond this budget means something leaked in. */
const BUNDLE_BUDGET_BYTES = 5 * 1024 * 1024;

let outdir: string;
let bundleDir: string;

/**
 * The deployed code is the asset the template's S3Key names; the assembly's asset manifest maps
 * that key back to the staged directory, which is what gets zipped and uploaded.
 */
beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'ccs-infra-'));
  const app = new App({ outdir });
  const stack = new ApiStack(app, apiStackId('dingnan'), { districtId: 'dingnan' });
  const [lambda] = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'));
  const objectKey = (lambda!.Properties.Code as { S3Key: string }).S3Key;
  const assembly = app.synth();
  const manifest = JSON.parse(readFileSync(join(assembly.directory, `${stack.artifactId}.assets.json`), 'utf8')) as {
    files: Record<string, { source: { path: string; packaging: string } }>;
  };
  const asset = manifest.files[objectKey.replace(/\.zip$/, '')];
  expect(asset?.source.packaging).toBe('zip');
  bundleDir = join(assembly.directory, asset!.source.path);
});

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

test('given the synthesized assembly, when the function asset is located, then it holds index.js and its source map', () => {
  expect(existsSync(join(bundleDir, 'index.js'))).toBe(true);
  expect(existsSync(join(bundleDir, 'index.js.map'))).toBe(true);
});

test('given the function asset, when index.js is read, then it is a minified bundle within budget', () => {
  const file = join(bundleDir, 'index.js');
  const code = readFileSync(file, 'utf8');
  // esbuild marks each module with a `// path` comment unless minifying.
  expect(code).not.toMatch(/^\s*\/\/ functions\//m);
  expect(code.trimEnd()).toMatch(/\/\/# sourceMappingURL=index\.js\.map$/);
  expect(statSync(file).size).toBeLessThan(BUNDLE_BUDGET_BYTES);
});

test('given the function asset, when index.js is loaded by Node, then it exports the handler the template names', () => {
  // A separate process: loading the bundle must not leak module state into this test run.
  const exported = execFileSync(
    process.execPath,
    ['-e', 'process.stdout.write(typeof require(process.argv[1]).handler)', join(bundleDir, 'index.js')],
    { env: { ...process.env, TABLE_NAME: 'bundle-load-check', NODE_ENV: 'production' }, encoding: 'utf8' },
  );
  expect(exported).toBe('function');
});
