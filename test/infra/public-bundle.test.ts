import { build, type Metafile } from 'esbuild';
import { join } from 'node:path';
import { apiBundleBuildOptions } from '../../functions/local/build-api-bundle';
import { apiBundle, publicApiBundle } from '../../infra/api-bundling';

// Two esbuild builds of the API: seconds each, with room to spare on a shared machine.
jest.setTimeout(180_000);

interface Built {
  bytes: number;
  inputs: string[];
}

/** A bundle built with the deployed settings (infra/api-bundling.ts), in memory, with what went into it. */
async function built(settings: typeof apiBundle | typeof publicApiBundle): Promise<Built> {
  const result = await build({ ...apiBundleBuildOptions(settings.entry, join('/tmp', 'unwritten', 'index.js'), settings.externalModules, settings), write: false, metafile: true });
  const output = Object.values(result.metafile.outputs as Metafile['outputs']).find((candidate) => candidate.entryPoint)!;
  return { bytes: output.bytes, inputs: Object.keys(output.inputs) };
}

let staff: Built;
let publicOne: Built;

beforeAll(async () => {
  [staff, publicOne] = await Promise.all([built(apiBundle), built(publicApiBundle)]);
});

describe('public function bundle', () => {
  // Measured at 757 976 bytes, the staff API's 813 070 less its whole schema and staff-only code (docs/performance.md): a staff-only module pulled back in takes it over.
  test('given the public bundle built with the deployed settings, when its size is read, then it is within its 790 000-byte budget and smaller than the staff one', () => {
    expect(publicOne.bytes).toBeLessThan(790_000);
    expect(publicOne.bytes).toBeLessThan(staff.bytes);
  });

  test('given the public bundle, when its inputs are read, then no server framework is in it: neither Apollo Server, its Lambda integration nor @graphql-tools', () => {
    expect(publicOne.inputs.filter((input) => /node_modules\/(@apollo|@as-integrations|@graphql-tools)\//.test(input))).toEqual([]);
    expect(publicOne.inputs).toContain('functions/api/graphql-execution.ts');
  });

  test('given the public bundle, when its inputs are read, then it carries its own served SDL and none of the staff SDL', () => {
    expect(publicOne.inputs).toContain('functions/api/generated/served-public-sdl.ts');
    expect(publicOne.inputs.filter((input) => input.startsWith('schema/') || input.endsWith('.graphql') || input === 'functions/api/generated/served-sdl.ts')).toEqual([]);
    expect(staff.inputs).toContain('functions/api/generated/served-sdl.ts');
  });

  test('given the public bundle, when its inputs are read, then no staff-only resolver, schema builder or export library is in it', () => {
    const staffOnly = ['functions/api/schema.ts', 'functions/api/resolvers/index.ts', 'functions/api/resolvers/roster.ts', 'functions/api/resolvers/compliance.ts', 'functions/api/resolvers/webhook.ts', 'functions/api/resolvers/attendance.ts'];
    for (const input of staffOnly) expect(publicOne.inputs).not.toContain(input);
    expect(publicOne.inputs.filter((input) => /node_modules\/exceljs\//.test(input) || input.startsWith('functions/local/'))).toEqual([]);
    expect(staff.inputs).toContain('functions/api/resolvers/roster.ts');
  });
});
