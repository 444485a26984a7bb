/// <reference lib="dom" />
// The page.evaluate callbacks below run in the browser, on its DOM.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freePort } from '../../functions/local/dynamodb-local';
import { districtFile } from '../support/seeded-district';
import { launchChromium, type Browser } from './support/browser';
import { runTokenCli, startLocalProcess, type LocalProcess } from './support/local-process';

jest.setTimeout(300_000);

const SERVICE_CODE = 'dingnan-ST03LE';
const station = districtFile('dingnan').stations.find((entry) => entry.serviceCode === SERVICE_CODE)!;
/** Far from every Dingnan grid: the report stays REPORTED at the code's station until a supervisor dispatches it. */
const OUTSIDE_EVERY_GRID = { latitude: 24.9, longitude: 115.3 };
/** A phone: iPhone 12–15 CSS pixels. */
const PHONE = { width: 390, height: 844 };
const WAIT_MS = 60_000;

/** A staff step through the API, as a supervisor's or an officer's front end would send it. */
async function staffCall(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<Record<string, any>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

describe('a resident on a phone: scan, report, follow, rate', () => {
  let dataDir: string;
  let running: LocalProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let base: string;
  const external: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'report-page-e2e-'));
    running = await startLocalProcess({ PORT: String(await freePort()), DATA_DIR: dataDir });
    base = new URL(running.url).origin;
    browser = await launchChromium(WAIT_MS);
    await browser.context.grantPermissions(['geolocation'], { origin: base });
    await browser.context.setGeolocation(OUTSIDE_EVERY_GRID);
    page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    page.on('request', (request) => {
      if (!request.url().startsWith(base)) external.push(request.url());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.terminate();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('given the station QR URL, when the resident reports and staff act, then the receipt, the status page and the rating follow the report', async () => {
    // Scan: the QR holds the station's serviceCodeUrl.
    await page.goto(`${base}/r/${SERVICE_CODE}`);
    await page.locator('#station-name', { hasText: station.name }).waitFor({ timeout: WAIT_MS });
    expect(await page.locator('#station-address').innerText()).toBe(station.address);
    expect(await page.locator('#station-amenities li').allInnerTexts()).toEqual(station.amenities);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // Report, sharing the location after consent.
    await page.selectOption('#category', 'GARBAGE_NOT_COLLECTED');
    await page.fill('#description', '小区门口垃圾两天没清运');
    await page.click('#locate');
    await page.locator('#location-state', { hasText: '已添加位置' }).waitFor({ timeout: WAIT_MS });
    await page.click('#submit');

    // The receipt.
    await page.locator('#receipt').waitFor({ state: 'visible', timeout: WAIT_MS });
    const trackingCode = await page.locator('#tracking-code').innerText();
    expect(trackingCode).toMatch(/^dingnan-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{5}$/);

    // The status page: received, not yet dispatched.
    await page.click('#track-link');
    await page.waitForURL(`${base}/t/${trackingCode}`);
    await page.locator('#status', { hasText: '已受理' }).waitFor({ timeout: WAIT_MS });
    expect(await page.locator('#station').innerText()).toContain(station.name);

    // A supervisor dispatches it: the resident refreshes and sees ASSIGNED.
    const supervisor = runTokenCli(['--role', 'SUPERVISOR', '--district', 'dingnan'], dataDir).stdout.trim();
    const officer = runTokenCli(['--role', 'OFFICER', '--district', 'dingnan', '--officer', 'dn-o-03-2'], dataDir).stdout.trim();
    const id = (await staffCall(running!.url, supervisor, '{ issues(filter: { stationId: "dn-s-03" }, first: 1) { edges { node { id } } } }', {})).issues.edges[0].node.id;
    await staffCall(running!.url, supervisor, 'mutation($id: ID!) { assignIssue(id: $id, assigneeId: "dn-o-03-2", note: "请王队处理") { status } }', { id });
    await page.click('#refresh');
    await page.locator('#status', { hasText: '已派遣' }).waitFor({ timeout: WAIT_MS });
    expect(await page.locator('#timeline li strong').allInnerTexts()).toEqual(['已受理', '已派遣']);
    expect(await page.locator('#timeline').innerText()).not.toContain('王队');

    // The officer handles it with a note for the resident, who rates the result.
    await staffCall(running!.url, officer, 'mutation($id: ID!) { startIssue(id: $id) { status } }', { id });
    await staffCall(running!.url, officer, 'mutation($id: ID!) { resolveIssue(id: $id, note: "内部记录", publicNote: "已清运完毕") { status } }', { id });
    await page.reload();
    await page.locator('#status', { hasText: '已处理' }).waitFor({ timeout: WAIT_MS });
    expect(await page.locator('#timeline').innerText()).toContain('已清运完毕');
    await page.check('input[value=SATISFIED]');
    await page.fill('#comment', '处理及时');
    await page.click('#rate-submit');
    await page.locator('#satisfaction', { hasText: '满意' }).waitFor({ timeout: WAIT_MS });
    expect(await page.locator('#rate-form').isHidden()).toBe(true);

    expect(external).toEqual([]);
  });

  test('given a wrong tracking code, when its status page opens, then it says so in Chinese without telling which part was wrong', async () => {
    await page.goto(`${base}/t/dingnan-AAAA-AAAA-AAAAA`);

    await page.locator('#error', { hasText: '没有与之对应的问题' }).waitFor({ timeout: WAIT_MS });
    expect(await page.locator('#tracked').isHidden()).toBe(true);
  });
});
