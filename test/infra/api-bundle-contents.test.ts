import { build } from 'esbuild';
import { join } from 'node:path';
import { apiBundleBuildOptions } from '../../functions/local/build-api-bundle';
import { apiBundle, publicApiBundle } from '../../infra/api-bundling';

jest.setTimeout(60_000);

/** Every file with code in the deployed API bundle (or another built with its settings), as esbuild reports them (paths from the repository). */
async function bundledFiles(settings: typeof apiBundle = apiBundle): Promise<string[]> {
  const options = apiBundleBuildOptions(settings.entry, join(__dirname, 'unused', 'index.js'), settings.externalModules, settings);
  const result = await build({ ...options, write: false, sourcemap: false, metafile: true });
  const bundle = Object.values(result.metafile.outputs).find((output) => output.entryPoint)!;
  return Object.entries(bundle.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([file]) => file);
}

/** Packages bundled more than once: from two install paths, or both their ESM and their CommonJS build. */
function packagesBundledTwice(files: string[]): string[] {
  const found = new Map<string, { installPaths: Set<string>; builds: Set<string> }>();
  for (const file of files) {
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\/(.*)$/.exec(file);
    if (!match) continue;
    const [, installPath, name, inside] = match as unknown as [string, string, string, string];
    const entry = found.get(name) ?? { installPaths: new Set<string>(), builds: new Set<string>() };
    entry.installPaths.add(installPath);
    const build = /(?:^|\/)(esm|cjs)\//.exec(inside)?.[1] ?? (inside.endsWith('.cjs') ? 'cjs' : inside.endsWith('.mjs') ? 'esm' : undefined);
    if (build) entry.builds.add(build);
    found.set(name, entry);
  }
  return [...found]
    .filter(([, { installPaths, builds }]) => installPaths.size > 1 || builds.size > 1)
    .map(([name, { installPaths, builds }]) => `${name}: ${[...installPaths].join(', ')} (${[...builds].join(' + ')})`);
}

let files: string[];

beforeAll(async () => {
  files = await bundledFiles();
});

test('given the API bundle, when its files are listed, then no package is bundled twice (two copies or two builds of one)', () => {
  expect(files.some((file) => file.includes('node_modules/graphql/'))).toBe(true);
  expect(packagesBundledTwice(files)).toEqual([]);
});

test('given the API bundle, when its files are listed, then it does not carry the AWS SDK (the runtime has it)', () => {
  // The X-Ray SDK's one helper from @smithy (is an SDK error a throttle?) is bundled: 2 KB, not the SDK.
  const bundledSmithy = ['node_modules/@smithy/service-error-classification/dist-cjs/index.js'];
  expect(files.filter((file) => /node_modules\/(@aws-sdk|@smithy)\//.test(file) && !bundledSmithy.includes(file))).toEqual([]);
});

test('given the API bundle, when its files are listed, then Powertools Tracer and the X-Ray SDK are in it, without semver (only the SDK v2 patcher asks for it)', () => {
  expect(files).toContain('functions/shared/tracing.ts');
  expect(files.some((file) => file.startsWith('node_modules/aws-xray-sdk-core/'))).toBe(true);
  expect(files.filter((file) => /node_modules\/(.*\/)?semver\//.test(file))).toEqual([]);
  expect(files).toContain('functions/shared/no-semver.ts');
});

test('given the API bundle, when its files are listed, then the schema comes without descriptions: the generated served SDL, none of the documented schema files', () => {
  expect(files).toContain('functions/api/generated/served-sdl.ts');
  expect(files.filter((file) => file.endsWith('.graphql'))).toEqual([]);
});

test('given the API bundle, when its files are listed, then no server framework is in it: neither Apollo Server, its Lambda integration nor @graphql-tools (graphql-execution.ts runs GraphQL)', () => {
  expect(files.filter((file) => /node_modules\/(@apollo|@as-integrations|@graphql-tools|@escape\.tech\/graphql-armor)\//.test(file))).toEqual([]);
  expect(files).toContain('functions/api/graphql-execution.ts');
});

test('given the API bundle, when its files are listed, then gcoord comes in one build (its entry would pick one of two identical copies at run time)', () => {
  expect(files.filter((file) => file.startsWith('node_modules/gcoord/'))).toEqual(['node_modules/gcoord/dist/gcoord.cjs.js']);
});

test('given the API bundle, when its files are listed, then zod brings the locales the API answers in only, English and Simplified Chinese (named and namespace imports let esbuild drop the others)', () => {
  expect(files.filter((file) => file.startsWith('node_modules/zod/') && file.includes('/locales/')).sort()).toEqual([
    'node_modules/zod/v4/locales/en.js',
    'node_modules/zod/v4/locales/zh-CN.js',
  ]);
});

test('given the API bundle, when its files are listed, then nothing of the local explorer is in it (GraphiQL, React, Monaco, functions/local)', () => {
  expect(files.filter((file) => /node_modules\/(graphiql|@graphiql|react|react-dom|scheduler|monaco-editor|monaco-graphql)\//.test(file) || file.startsWith('functions/local/'))).toEqual([]);
});

/** exceljs, its zip writers and the export tables: the export function's alone (infra/constructs/export-function.ts). */
const exportsOnly = (file: string) => /node_modules\/(exceljs|jszip|archiver|unzipper)\//.test(file) || file.startsWith('functions/app/exports/');

test('given the API bundle, when its files are listed, then exceljs and the export tables are not in it', () => {
  expect(files.filter(exportsOnly)).toEqual([]);
});

test('given the public function\'s bundle, when its files are listed, then exceljs and the export tables are not in it', async () => {
  const publicFiles = await bundledFiles(publicApiBundle);

  expect(publicFiles).toContain('functions/api/public-handler.ts');
  expect(publicFiles.filter(exportsOnly)).toEqual([]);
});
