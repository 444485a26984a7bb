/// <reference lib="dom" />
// The page.evaluate callbacks below run in the browser, on its DOM.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freePort } from '../../functions/local/dynamodb-local';
import { launchChromium, type Browser } from './support/browser';
import { runTokenCli, startLocalProcess, type LocalProcess } from './support/local-process';

jest.setTimeout(300_000);

/**
 * The report page's photo step against `npm start`, with its local S3-compatible server: the
 * page asks requestPhotoUpload for a presigned POST, posts the file there and cites the key in
 * reportIssue's photoKeys. Needs the photo uploads (requestPhotoUpload, the local bucket).
 */
const SERVICE_CODE = 'dingnan-ST03LE';
const PHONE = { width: 390, height: 844 };
const WAIT_MS = 60_000;

/** A real JPEG, encoded by the browser itself (a phone camera's output, without its metadata). */
async function jpegFrom(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#3a7';
    context.fillRect(0, 0, 64, 48);
    context.fillStyle = '#a33';
    context.fillRect(16, 12, 32, 24);
    return canvas.toDataURL('image/jpeg', 0.9);
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

describe('a resident on a phone reports with a photo', () => {
  let dataDir: string;
  let running: LocalProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'report-photo-e2e-'));
    running = await startLocalProcess({ PORT: String(await freePort()), DATA_DIR: dataDir });
    base = new URL(running.url).origin;
    browser = await launchChromium(WAIT_MS);
    page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
  });
  afterAll(async () => {
    await browser?.close();
    await running?.terminate();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('given a photo chosen on the report page, when submitted, then it is uploaded through the presigned POST and the report cites it', async () => {
    await page.goto(`${base}/r/${SERVICE_CODE}`);
    await page.locator('#report').waitFor({ state: 'visible', timeout: WAIT_MS });
    const photo = await jpegFrom(page);
    const uploads: string[] = [];
    page.on('requestfinished', (request) => {
      if (request.method() === 'POST' && !request.url().startsWith(`${base}/`)) uploads.push(request.url());
    });

    await page.setInputFiles('#photos', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.locator('#photo-preview img').waitFor({ timeout: WAIT_MS });
    await page.fill('#description', '井盖破损，见照片');
    await page.selectOption('#category', 'DAMAGED_MUNICIPAL_FACILITY');
    await page.click('#submit');
    await page.locator('#receipt').waitFor({ state: 'visible', timeout: WAIT_MS });

    expect(uploads).toHaveLength(1);
    const admin = runTokenCli(['--role', 'ADMIN', '--district', 'dingnan'], dataDir).stdout.trim();
    const response = await fetch(running!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: '{ issues(filter: { stationId: "dn-s-03" }, first: 1) { edges { node { description photoUrls } } } }' }),
    });
    const issue = ((await response.json()) as { data: { issues: { edges: { node: { description: string; photoUrls: string[] } }[] } } }).data.issues.edges[0]!.node;
    expect(issue.description).toBe('井盖破损，见照片');
    expect(issue.photoUrls).toHaveLength(1);
    const stored = await fetch(issue.photoUrls[0]!);
    expect(stored.status).toBe(200);
    expect(stored.headers.get('content-type')).toMatch(/^image\//);
  });
});
