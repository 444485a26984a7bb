import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { districtFile } from '../../support/seeded-district';

jest.setTimeout(120_000);

const repoRoot = join(__dirname, '..', '..', '..');

/**
 * Rasterizes an SVG of qrcode's renderer (a background, then one stroked path of horizontal runs
 * `M x y.5`, `m dx 0`, `h n`, one unit a module) at `scale` pixels a module, as RGBA for jsQR.
 */
function rasterize(svg: string, scale = 4): { data: Uint8ClampedArray; width: number; height: number } {
  const size = Number(/viewBox="0 0 (\d+) (\d+)"/.exec(svg)![1]);
  const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg)![1]!;
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, command, first, second] of path.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    const a = Number(first);
    if (command === 'M') [x, y] = [a, Math.floor(Number(second))];
    else if (command === 'm') x += a;
    else {
      for (let column = x; column < x + a; column += 1) {
        for (let dy = 0; dy < scale; dy += 1) {
          for (let dx = 0; dx < scale; dx += 1) {
            const offset = ((y * scale + dy) * width + column * scale + dx) * 4;
            data.fill(0, offset, offset + 3);
          }
        }
      }
      x += a;
    }
  }
  return { data, width, height: width };
}

describe('npm run qr', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'qr-'));
  });
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  test('given the Dingnan file, when run, then each station has an SVG whose QR code decodes to its report URL, and one A4 PDF sheet embeds a CJK font', async () => {
    const run = spawnSync('npm', ['run', '-s', 'qr', '--', '--district', 'dingnan', '--out', outDir, '--base-url', 'https://api.dingnan.example.cn'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const stations = districtFile('dingnan').stations;

    const decoded = await Promise.all(
      stations.map(async (station) => {
        const image = rasterize(await readFile(join(outDir, `${station.id}.svg`), 'utf8'));
        return jsQR(image.data, image.width, image.height)?.data;
      }),
    );

    expect(decoded).toEqual(stations.map((station) => `https://api.dingnan.example.cn/r/${station.serviceCode}`));
    expect((await readdir(outDir)).sort()).toEqual([...stations.map((station) => `${station.id}.svg`), 'dingnan-qr-codes.pdf'].sort());
    const pdf = await readFile(join(outDir, 'dingnan-qr-codes.pdf'), 'latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(pdf).toContain('NotoSansHans');
    expect(pdf).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  test('given a base URL that is not http(s), when run, then it stops saying what to write and writes nothing', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'qr-bad-'));
    const run = spawnSync('npm', ['run', '-s', 'qr', '--', '--out', empty, '--base-url', 'ftp://x'], { cwd: repoRoot, encoding: 'utf8' });

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--base-url must be an http(s) URL');
    expect(await readdir(empty)).toEqual([]);
    await rm(empty, { recursive: true });
  });
});
