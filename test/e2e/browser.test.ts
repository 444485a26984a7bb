import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freePort } from '../../functions/local/dynamodb-local';
import { districtFile } from '../support/seeded-district';
import { launchChromium, type Browser } from './support/browser';
import { runTokenCli, startLocalProcess, type LocalProcess } from './support/local-process';

jest.setTimeout(300_000);

const SERVICE_CODE = 'dingnan-ST01AV';
const station = districtFile('dingnan').stations.find((entry) => entry.serviceCode === SERVICE_CODE)!;
const DISTRICT_NAME = districtFile('dingnan').name;
/** Every wait in a page: generous for 2 shared cores, and a failure rather than a hang. */
const WAIT_MS = 60_000;

/**
 * A front end as a developer runs one beside `npm start`: a page from its own loopback port
 * that calls the API with fetch, as Apollo Client would (JSON body, client-name headers), and
 * writes what it got (or `refused: …` when the browser blocks the call) into the page.
 */
const FRONT_END_PAGE = `<!doctype html>
<meta charset="utf-8">
<title>front end</title>
<link rel="icon" href="data:,">
<pre id="authorized">pending</pre>
<pre id="public">pending</pre>
<script>
  const params = new URLSearchParams(location.search);
  async function call(id, path, query, headers) {
    const out = document.getElementById(id);
    try {
      const response = await fetch(params.get('api') + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollographql-client-name': 'browser-test', 'apollographql-client-version': '1', ...headers },
        body: JSON.stringify({ query }),
      });
      out.textContent = 'status ' + response.status + ' ' + JSON.stringify(await response.json());
    } catch (error) {
      out.textContent = 'refused: ' + error;
    }
    out.dataset.done = 'true';
  }
  call('authorized', '/graphql', '{ district { id name } }', { authorization: 'Bearer ' + params.get('token') });
  call('public', '/public/graphql', '{ stationByServiceCode(code: "${SERVICE_CODE}") { name } }', {});
</script>
`;

async function serveFrontEnd(): Promise<{ server: Server; origin: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(FRONT_END_PAGE);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function closeServer(server: Server | undefined): Promise<void> {
  if (!server?.listening) return;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** The text of each result once the page's calls have settled. */
async function pageResults(page: Page): Promise<{ authorized: string; public: string }> {
  await page.locator('#authorized[data-done="true"]').waitFor({ timeout: WAIT_MS });
  await page.locator('#public[data-done="true"]').waitFor({ timeout: WAIT_MS });
  return { authorized: await page.locator('#authorized').innerText(), public: await page.locator('#public').innerText() };
}

/** `npm start` with CORS_ORIGINS naming one front end's origin; a second front end on another port is not named. */
describe('a browser app against npm start', () => {
  let dataDir: string;
  let allowedFrontEnd: { server: Server; origin: string } | undefined;
  let otherFrontEnd: { server: Server; origin: string } | undefined;
  let running: LocalProcess | undefined;
  let browser: Browser | undefined;
  let api: string;
  let token: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'browser-e2e-'));
    allowedFrontEnd = await serveFrontEnd();
    otherFrontEnd = await serveFrontEnd();
    const port = String(await freePort());
    running = await startLocalProcess({ PORT: port, DATA_DIR: dataDir, CORS_ORIGINS: allowedFrontEnd.origin });
    api = `http://127.0.0.1:${port}`;
    const made = runTokenCli(['--role', 'ADMIN', '--district', 'dingnan'], dataDir);
    expect(made.status).toBe(0);
    token = made.stdout.trim();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.terminate();
    await closeServer(allowedFrontEnd?.server);
    await closeServer(otherFrontEnd?.server);
    await rm(dataDir, { recursive: true, force: true });
  });

  const openFrontEnd = async (origin: string): Promise<Page> => {
    const page = await browser!.context.newPage();
    await page.goto(`${origin}/?${new URLSearchParams({ api, token })}`, { timeout: WAIT_MS });
    return page;
  };

  test('given a page on an allowed origin, when it calls /graphql with a token and /public/graphql without one, then the data arrives in the page', async () => {
    const page = await openFrontEnd(allowedFrontEnd!.origin);
    try {
      const results = await pageResults(page);

      expect(results.authorized).toBe(`status 200 ${JSON.stringify({ data: { district: { id: 'dingnan', name: DISTRICT_NAME } } })}`);
      expect(results.public).toBe(`status 200 ${JSON.stringify({ data: { stationByServiceCode: { name: station.name } } })}`);
    } finally {
      await page.close();
    }
  });

  test('given a page on an origin CORS_ORIGINS does not name, when it makes the same calls, then the browser refuses both', async () => {
    const page = await openFrontEnd(otherFrontEnd!.origin);
    try {
      const results = await pageResults(page);

      expect(results.authorized).toMatch(/^refused: TypeError/);
      expect(results.public).toMatch(/^refused: TypeError/);
    } finally {
      await page.close();
    }
  });

  test('given the explorer at /graphql, when a token is pasted and a query run, then the result shows and every file came from the local server', async () => {
    const page = await browser!.context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    try {
      await page.goto(`${api}/graphql`, { timeout: WAIT_MS });
      await page.locator('#bearer-token').fill(token);
      const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
      await editor.waitFor({ timeout: WAIT_MS });
      await editor.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      // Inserted as one edit: typed key by key, Monaco would close each bracket itself.
      await page.keyboard.insertText(`{ stationByServiceCode(code: "${SERVICE_CODE}") { name } district { name } }`);
      await page.locator('.graphiql-execute-button').click();

      const response = page.locator('.graphiql-response');
      await response.getByText(station.name).waitFor({ timeout: WAIT_MS });
      expect(await response.innerText()).toContain(DISTRICT_NAME);
      expect(requested.length).toBeGreaterThan(0);
      expect(requested.filter((url) => new URL(url).origin !== api)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
