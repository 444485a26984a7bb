import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { logicalIdOf } from '../../infra/nag-acknowledgements';
import { claimsFor, graphqlEvent } from '../support/graphql-handler';
import { districtFile } from '../support/seeded-district';
import { apiAssetDirectory, functionAssetDirectory, synthesizeDistrictStack, type SynthesizedStack } from '../support/synthesized-stack';

jest.setTimeout(300_000);

/** The deploy bundle's budget, minified: it measures 813 070 bytes without a server framework (docs/performance.md); more means something leaked in or stopped being shared. */
const BUNDLE_BUDGET_BYTES = 860_000;

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
    // As on AWS: the cursor key is a secret's ARN, read only when a list is paged (never by this request).
    env: {
      ...process.env,
      LAMBDA_BUNDLE: bundle,
      TABLE_NAME: 'bundle-load-check',
      CURSOR_KEY_SECRET_ARN: 'arn:aws-cn:secretsmanager:cn-north-1:111122223333:secret:bundle-load-check',
      NODE_ENV: 'production',
      NODE_PATH: join(__dirname, '..', '..', 'node_modules'),
    },
    encoding: 'utf8',
  });
  return JSON.parse(output) as { statusCode: number; headers?: Record<string, string>; body: string };
}

/** Secrets Manager played by a local server: it records what it is asked and answers every call with the same key material. */
async function fakeSecretsManager(secretArn: string) {
  const asked: { target: string | undefined; body: unknown }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      asked.push({ target: request.headers['x-amz-target'] as string | undefined, body: JSON.parse(body) });
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ ARN: secretArn, Name: 'CursorKey', SecretString: 'k'.repeat(64), VersionId: 'v1' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { secretArn, asked, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/**
 * Runs `script` in a process that may load only what the Lambda runtime has (the repository's AWS
 * SDK standing in for the runtime's), with the asset's path in LAMBDA_BUNDLE, `event` as its first
 * argument, the cursor key in a secret of `secrets`, and a DynamoDB nothing may reach: a refused
 * port fails at once rather than trying AWS.
 */
function runInLambdaRuntime(script: string, event: unknown, secrets: { secretArn: string; endpoint: string }, environment: Record<string, string>) {
  return promisify(execFile)(process.execPath, ['-r', join(__dirname, '..', 'support', 'lambda-runtime-modules.js'), '-e', script, JSON.stringify(event)], {
    env: {
      ...process.env,
      LAMBDA_BUNDLE: join(bundleDir, 'index.js'),
      CURSOR_KEY_SECRET_ARN: secrets.secretArn,
      AWS_REGION: 'cn-north-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
      NODE_ENV: 'production',
      NODE_PATH: join(__dirname, '..', '..', 'node_modules'),
      ...environment,
    },
    encoding: 'utf8',
  });
}

test('given the function asset and only the modules the Lambda runtime provides, when it answers a first request, then it needs nothing it left out', () => {
  const result = answerWithBundle(graphqlEvent({ query: '{ __typename }' }));

  expect(result.statusCode).toBe(200);
  expect(JSON.parse(result.body)).toEqual({ data: { __typename: 'Query' } });
});

test('given the function asset, when a browser opens /graphql asking for HTML, then no landing page answers (the explorer is local only)', () => {
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

test('given the function asset with its cursor key in a secret, when two requests page with a cursor, then one GetSecretValue through the runtime’s SDK serves both, and a foreign cursor is BAD_USER_INPUT', async () => {
  const SECRET_ARN = 'arn:aws-cn:secretsmanager:cn-north-1:111122223333:secret:CursorKey-AbCdEf';
  const secrets = await fakeSecretsManager(SECRET_ARN);
  const page = graphqlEvent({ query: '{ stations(first: 1, after: "not-a-cursor") { edges { cursor } } }' }, claimsFor('dingnan', 'ADMIN'));
  const answerTwice = `const { handler } = require(process.env.LAMBDA_BUNDLE);
    const event = JSON.parse(process.argv[1]);
    (async () => {
      const answers = [await handler(event, { awsRequestId: 'one' }), await handler(event, { awsRequestId: 'two' })];
      process.stdout.write(JSON.stringify(answers.map((answer) => JSON.parse(answer.body))));
    })();`;
  try {
    const { stdout } = await runInLambdaRuntime(answerTwice, page, secrets, { TABLE_NAME: 'bundle-secret-check' });
    const bodies = JSON.parse(stdout) as { errors: { extensions: { code: string; fields: unknown } }[] }[];

    for (const body of bodies) expect(body.errors.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', fields: [{ path: 'after', message: 'is not a cursor from this list' }] }]);
    expect(secrets.asked).toEqual([{ target: 'secretsmanager.GetSecretValue', body: { SecretId: SECRET_ARN } }]);
  } finally {
    secrets.close();
  }
});

test('given the function asset on Lambda with a sampled trace, when a request pages a list, then the X-Ray daemon receives its handler subsegment with the operation, district and cold start, and the Secrets Manager call under it', async () => {
  const SECRET_ARN = 'arn:aws-cn:secretsmanager:cn-north-1:111122223333:secret:CursorKey-AbCdEf';
  const secrets = await fakeSecretsManager(SECRET_ARN);
  // The X-Ray daemon played by a UDP socket: each datagram is a header line and one segment document.
  const documents: Record<string, unknown>[] = [];
  const daemon = createSocket('udp4', (message) => documents.push(JSON.parse(message.toString('utf8').split('\n')[1]!) as Record<string, unknown>));
  await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
  const page = graphqlEvent({ query: 'query StationsPage { stations(first: 1, after: "not-a-cursor") { edges { cursor } } }', operationName: 'StationsPage' }, claimsFor('dingnan', 'ADMIN'));
  const answer = `require(process.env.LAMBDA_BUNDLE).handler(JSON.parse(process.argv[1]), { awsRequestId: 'traced', getRemainingTimeInMillis: () => 9000 })
    .then((result) => setTimeout(() => process.stdout.write(JSON.stringify(result)), 200))`;
  try {
    const { stdout } = await runInLambdaRuntime(answer, page, secrets, {
      TABLE_NAME: 'bundle-trace-check',
      DISTRICT_ID: 'dingnan',
      // What Lambda sets for a function with active tracing, the trace of this invocation sampled.
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      LAMBDA_TASK_ROOT: bundleDir,
      _X_AMZN_TRACE_ID: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
      AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${daemon.address().port}`,
      POWERTOOLS_SERVICE_NAME: 'community-city-services-dingnan',
      POWERTOOLS_TRACE_ENABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    });
    expect(JSON.parse(JSON.parse(stdout).body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    await new Promise((resolve) => setTimeout(resolve, 200));

    const handlerSegment = documents.find((document) => document.name === '## handler') as { id: string; parent_id: string; annotations: Record<string, unknown>; trace_id: string };
    // Under the invocation's segment that Lambda made (the trace header's Parent).
    expect(handlerSegment).toMatchObject({ trace_id: '1-5759e988-bd862e3fe1be46a994272793', parent_id: '53995c3f42cd8ad8' });
    expect(handlerSegment.annotations).toEqual({
      ColdStart: true,
      Service: 'community-city-services-dingnan',
      district: 'dingnan',
      operation: 'StationsPage',
      rootFields: 'stations',
      errorCode: 'BAD_USER_INPUT',
    });
    // The SDK call, sent on its own as it closed, hangs under the handler's subsegment.
    expect(documents).toContainEqual(expect.objectContaining({ name: 'SecretsManager', namespace: 'aws', parent_id: handlerSegment.id, aws: expect.objectContaining({ operation: 'GetSecretValue' }) }));
    // Nothing a caller sent is in the trace: not the cursor, not the query's text.
    expect(JSON.stringify(documents)).not.toMatch(/not-a-cursor|edges/);
  } finally {
    secrets.close();
    daemon.close();
  }
});

test('given the onboarding function, when its bundle is read, then the district file is built into the code rather than passed through CloudFormation', () => {
  const stack = synthesized.stack as unknown as { node: { findChild(id: string): { function: Parameters<typeof logicalIdOf>[0] } } };
  const onboarding = functionAssetDirectory(synthesized, logicalIdOf(stack.node.findChild('Onboarding').function));
  const code = readFileSync(join(onboarding, 'index.js'), 'utf8');
  const officer = districtFile('dingnan').officers[0]!;

  expect(code).toContain(officer.phone!);
  expect(code).toContain(officer.id);
});
