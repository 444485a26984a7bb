import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DISTRICT, DEFAULT_PORT, repoRoot } from './paths';
import { readDistrictFile } from './local-database';
import { stationQrs, writeQrFiles } from './qr-sheet';

const USAGE = 'usage: npm run qr -- [--district dingnan] [--out dir] [--base-url https://api.example.cn]';

/**
 * `npm run qr -- --district dingnan [--out dir]`: the print-ready QR codes of the district file's
 * stations (every station of the file is active: deactivating happens through the API). Each
 * holds the district's `reportUrl`, or, without one, this deployment's report page
 * `<base-url>/r/<code>`; `--base-url` defaults to `npm start`'s `http://localhost:4000`.
 */
async function main(): Promise<void> {
  let values: { district?: string; out?: string; 'base-url'?: string };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { district: { type: 'string' }, out: { type: 'string' }, 'base-url': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return fail(`${(error as Error).message}; ${USAGE}`);
  }
  const baseUrl = values['base-url'] ?? `http://localhost:${DEFAULT_PORT}`;
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) return fail(`--base-url must be an http(s) URL, not "${baseUrl}"; ${USAGE}`);
  const district = await readDistrictFile(values.district ?? DEFAULT_DISTRICT);
  const outDir = values.out ? resolve(values.out) : join(repoRoot, '.data', 'qr', district.id);
  const qrs = await stationQrs(district.stations, { ...(district.reportUrl ? { template: district.reportUrl } : {}), baseUrl });
  const files = await writeQrFiles(qrs, { outDir, districtId: district.id, title: `${district.name} 城市服务码` });
  console.log(`${qrs.length} stations of ${district.id}; QR codes hold ${qrs[0]?.url ?? '(no station)'} and the like`);
  for (const file of files) console.log(`wrote ${file}`);
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
