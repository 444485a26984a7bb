import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { logicalIdOf } from '../../infra/nag-acknowledgements';
import { districtFile } from '../support/seeded-district';
import { apiAssetDirectory, functionAssetDirectory, synthesizeDistrictStack, type SynthesizedStack } from '../support/synthesized-stack';

jest.setTimeout(120_000);

/** Lambda's limit is 250 MB unpacked; a GraphQL API bundle far beyond this budget means something leaked in. */
const BUNDLE_BUDGET_BYTES = 5 * 1024 * 1024;

let synthesized: SynthesizedStack;
let bundleDir: string;

beforeAll(() => {
  synthesized = synthesizeDistrictStack('dingnan');
  bundleDir = apiAssetDirectory(synthesized);
});

afterAll(() => synthesized.cleanup());

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
    // The AWS SDK is left to the Lambda runtime; here the repository's copy stands in for it.
    { env: { ...process.env, TABLE_NAME: 'bundle-load-check', NODE_ENV: 'production', NODE_PATH: join(__dirname, '..', '..', 'node_modules') }, encoding: 'utf8' },
  );
  expect(exported).toBe('function');
});

test('given the onboarding function, when its bundle is read, then the district file is built into the code rather than passed through CloudFormation', () => {
  const stack = synthesized.stack as unknown as { node: { findChild(id: string): { function: Parameters<typeof logicalIdOf>[0] } } };
  const onboarding = functionAssetDirectory(synthesized, logicalIdOf(stack.node.findChild('Onboarding').function));
  const code = readFileSync(join(onboarding, 'index.js'), 'utf8');
  const officer = districtFile('dingnan').officers[0]!;

  expect(code).toContain(officer.phone!);
  expect(code).toContain(officer.id);
});
