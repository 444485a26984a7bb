import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURSOR_KEY_FILE, loadOrCreateCursorKey } from '../../../functions/local/cursor-key';

describe('the local cursor key', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cursor-key-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('given no key file, when two processes load the key at once, then one file readable by its owner alone is written and both get its key', async () => {
    const [first, second] = await Promise.all([loadOrCreateCursorKey(dataDir), loadOrCreateCursorKey(dataDir)]);

    expect(first).toBe(second);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await readFile(join(dataDir, CURSOR_KEY_FILE), 'utf8')).trim()).toBe(first);
    expect((await stat(join(dataDir, CURSOR_KEY_FILE))).mode & 0o777).toBe(0o600);
  });

  test('given a key file, when the server starts again, then it keeps the key (cursors survive a restart)', async () => {
    const first = await loadOrCreateCursorKey(dataDir);

    expect(await loadOrCreateCursorKey(dataDir)).toBe(first);
  });

  test('given a key file too short to be a key, when it is loaded, then the error names the file and the remedy', async () => {
    await writeFile(join(dataDir, CURSOR_KEY_FILE), 'short\n');

    await expect(loadOrCreateCursorKey(dataDir)).rejects.toThrow(/local-cursor-key is not a valid cursor key .*; delete it to create a new one$/);
  });
});
