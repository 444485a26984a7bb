import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApiBundle, buildPublicApiBundle } from '../../functions/local/build-api-bundle';

// Two esbuild builds of the API: seconds each, with room to spare on a shared machine.
jest.setTimeout(180_000);

const outDir = mkdtempSync(join(tmpdir(), 'ccs-public-bundle-'));
let staff: string;
let publicOne: string;

beforeAll(async () => {
  [staff, publicOne] = await Promise.all([buildApiBundle(join(outDir, 'staff')), buildPublicApiBundle(join(outDir, 'public'))]);
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('public function bundle', () => {
  test('given both bundles built with the deployed settings, when their sizes are compared, then the public one is smaller', () => {
    expect(statSync(publicOne).size).toBeLessThan(statSync(staff).size);
  });
});
