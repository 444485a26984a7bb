import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explorerPages } from '../../../functions/local/explorer/explorer';
import { listenOnLoopback, type LoopbackServer } from './loopback-server';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** The explorer's routes over a folder standing in for a build; whatever they do not answer is the API's (a 418 here). */
describe('explorerPages', () => {
  let directory: string;
  let server: LoopbackServer;
  let base: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'explorer-pages-'));
    await mkdir(join(directory, 'assets'));
    await writeFile(join(directory, 'app.js'), 'console.log("explorer")');
    await writeFile(join(directory, 'app.css'), 'body{}');
    await writeFile(join(directory, 'assets', 'codicon.ttf'), 'font');
    const answer = await explorerPages(directory);
    server = await listenOnLoopback((request, response) => {
      if (!answer(request, response)) response.writeHead(418).end('api');
    });
    base = server.base;
  });
  afterAll(async () => {
    await server.close();
    await rm(directory, { recursive: true, force: true });
  });

  test('given a browser opening /graphql, when it asks for HTML, then the explorer page answers, loading only this server\'s files', async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page).toContain('<script src="/explorer/app.js"></script>');
    expect(page).toContain('<link rel="stylesheet" href="/explorer/app.css">');
    expect(page.match(/(?:src|href)="[^"]*"/g)).toEqual(['href="data:,"', 'href="/explorer/app.css"', 'src="/explorer/app.js"']);
  });

  test.each([
    ['a client asking for JSON', '/graphql', { accept: 'application/json' }],
    ['a browser GET carrying an operation', '/graphql?query=%7B__typename%7D', { accept: BROWSER_ACCEPT }],
    ['a request on the public route', '/public/graphql', { accept: BROWSER_ACCEPT }],
  ])('given %s, when it arrives, then the API answers it, not the explorer', async (_what, path, headers) => {
    const response = await fetch(`${base}${path}`, { headers });

    expect(response.status).toBe(418);
  });

  test('given a POST to /graphql from a browser, when it arrives, then the API answers it', async () => {
    expect((await fetch(`${base}/graphql`, { method: 'POST', headers: { accept: BROWSER_ACCEPT } })).status).toBe(418);
  });

  test.each([
    ['/explorer/app.js', 'text/javascript; charset=utf-8', 'console.log("explorer")'],
    ['/explorer/app.css', 'text/css; charset=utf-8', 'body{}'],
    ['/explorer/assets/codicon.ttf', 'font/ttf', 'font'],
  ])('given the built file %s, when requested, then it is served with its type', async (path, contentType, body) => {
    const response = await fetch(`${base}${path}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(await response.text()).toBe(body);
  });

  test.each(['/explorer/missing.js', '/explorer/..%2F..%2Fpackage.json', '/explorer/assets'])(
    'given %s, which is no built file, when requested, then 404',
    async (path) => {
      expect((await fetch(`${base}${path}`)).status).toBe(404);
    },
  );

  test('given /explorer, when opened, then it is the explorer page too', async () => {
    const response = await fetch(`${base}/explorer`);

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="explorer"></div>');
  });
});
