import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { logicalIdOf } from '../../infra/nag-acknowledgements';
import { graphqlEvent } from '../support/graphql-handler';
import { districtFile } from '../support/seeded-district';
import { apiAssetDirectory, functionAssetDirectory, synthesizeDistrictStack, type SynthesizedStack } from '../support/synthesized-stack';

jest.setTimeout(120_000);

/** The deploy bundle's budget, minified (docs/performance.md: at most 1 MB): more means something leaked in or stopped being shared. */
const BUNDLE_BUDGET_BYTES = 1_000_000;

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

/** The deployed bundle's answer to one event, as the Lambda runtime would load it (NODE_ENV=production). */
function answerWithBundle(event: unknown): { statusCode: number; headers?: Record<string, string>; body: string } {
  const bundle = join(bundleDir, 'index.js');
  const answer = `require(process.env.LAMBDA_BUNDLE).handler(JSON.parse(process.argv[1]), { awsRequestId: 'bundle-check' })
    .then((result) => process.stdout.write(JSON.stringify(result)))`;
  // A separate process: loading the bundle must not leak module state into this test run.
  const output = execFileSync(process.execPath, ['-r', join(__dirname, '..', 'support', 'lambda-runtime-modules.js'), '-e', answer, JSON.stringify(event)], {
    // The repository's AWS SDK stands in for the runtime's; the preload refuses every other package.
    env: { ...process.env, LAMBDA_BUNDLE: bundle, TABLE_NAME: 'bundle-load-check', NODE_ENV: 'production', NODE_PATH: join(__dirname, '..', '..', 'node_modules') },
    encoding: 'utf8',
  });
  return JSON.parse(output) as { statusCode: number; headers?: Record<string, string>; body: string };
}

test('given the function asset and only the modules the Lambda runtime provides, when it answers a first request, then it needs nothing it left out', () => {
  const result = answerWithBundle(graphqlEvent({ query: '{ __typename }' }));

  expect(result.statusCode).toBe(200);
  expect(JSON.parse(result.body)).toEqual({ data: { __typename: 'Query' } });
});

test('given the function asset, when a browser opens /graphql asking for HTML, then no landing page answers (Apollo\'s loads from a CDN; the explorer is local only)', () => {
  const post = graphqlEvent({});
  const browserGet = {
    ...post,
    routeKey: 'GET /graphql',
    headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    body: undefined,
    requestContext: { ...post.requestContext, routeKey: 'GET /graphql', http: { ...post.requestContext.http, method: 'GET' } },
  };

  const result = answerWithBundle(browserGet);

  expect(result.statusCode).toBe(400);
  expect(result.headers?.['content-type']).not.toMatch(/html/);
  expect(result.body).not.toMatch(/<html|<script/i);
});

test('given the onboarding function, when its bundle is read, then the district file is built into the code rather than passed through CloudFormation', () => {
  const stack = synthesized.stack as unknown as { node: { findChild(id: string): { function: Parameters<typeof logicalIdOf>[0] } } };
  const onboarding = functionAssetDirectory(synthesized, logicalIdOf(stack.node.findChild('Onboarding').function));
  const code = readFileSync(join(onboarding, 'index.js'), 'utf8');
  const officer = districtFile('dingnan').officers[0]!;

  expect(code).toContain(officer.phone!);
  expect(code).toContain(officer.id);
});
