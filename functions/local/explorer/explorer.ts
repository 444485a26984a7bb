import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { repoRoot } from '../paths';
import { buildExplorer } from './build-explorer';
import { EXPLORER_ASSETS_PATH, EXPLORER_SCRIPT, EXPLORER_STYLESHEET, GRAPHQL_PATH } from './explorer-paths';

/** The explorer, ready to serve: the local adapter's `localPages`. */
export interface Explorer {
  /** Answers the explorer page or one of its files; false for any other request. */
  answer(request: IncomingMessage, response: ServerResponse): boolean;
  /** The folder of the built files. */
  directory: string;
  /** False when an earlier build for the same sources was reused. */
  built: boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Everything on the page comes from this server: the policy makes the browser refuse anything
 * else, so a file that tried to load from a CDN would show up as an error, not as a dependency.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // GraphiQL and Monaco set inline styles; the page's layout is an inline <style>.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Community City Services API: explorer (local)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${EXPLORER_ASSETS_PATH}/${EXPLORER_STYLESHEET}">
<style>
  html, body, #explorer { height: 100%; margin: 0; }
  .explorer { display: flex; flex-direction: column; height: 100%; }
  .explorer-token { display: flex; gap: 0.5rem; align-items: center; padding: 0.4rem 0.75rem; font: 14px system-ui, sans-serif; border-bottom: 1px solid #ccc; }
  .explorer-token input { flex: 1; padding: 0.3rem 0.4rem; font: 13px ui-monospace, monospace; }
  .explorer .graphiql-container { flex: 1; min-height: 0; }
</style>
</head>
<body>
<div id="explorer"></div>
<script src="${EXPLORER_ASSETS_PATH}/${EXPLORER_SCRIPT}"></script>
</body>
</html>
`;

/**
 * The explorer's files for the current sources: built with esbuild into `<directory>/<key>` the
 * first time, reused while the key holds. The key hashes this folder's sources and the lock
 * file, so new versions of GraphiQL, React or Monaco, or a change here, mean a new build.
 */
export async function prepareExplorer(directory: string): Promise<Explorer> {
  const key = sourcesKey();
  const target = join(directory, key);
  let built = false;
  if (!(await isDirectory(target))) {
    await mkdir(directory, { recursive: true });
    const building = `${target}.building-${process.pid}`;
    await rm(building, { recursive: true, force: true });
    await buildExplorer(building);
    await rename(building, target).catch(async (error: NodeJS.ErrnoException) => {
      // Another server on the same data folder finished the same build first.
      if (!(await isDirectory(target))) throw error;
      await rm(building, { recursive: true, force: true });
    });
    built = true;
    for (const entry of await readdir(directory)) {
      if (entry !== key && !entry.includes('.building-')) await rm(join(directory, entry), { recursive: true, force: true });
    }
  }
  return { answer: await explorerPages(target), directory: target, built };
}

/**
 * Answers the page for browsers at `GET /graphql` (and at `/explorer`) and the built files in
 * `directory` under `/explorer/`; false for every other request. Only files present when this
 * is called are served, so no request path reaches anything else on disk.
 */
export async function explorerPages(directory: string): Promise<Explorer['answer']> {
  const files = new Set((await filesUnder(directory)).map((file) => relative(directory, file).split(sep).join('/')));
  return (request, response) => answer(request, response, directory, files);
}

function answer(request: IncomingMessage, response: ServerResponse, directory: string, files: Set<string>): boolean {
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') return false;
  const url = new URL(request.url ?? '/', 'http://localhost');
  const path = url.pathname;
  if ((path === GRAPHQL_PATH && wantsPage(request, url)) || path === EXPLORER_ASSETS_PATH || path === `${EXPLORER_ASSETS_PATH}/`) {
    write(response, method, 'text/html; charset=utf-8', Buffer.from(PAGE), { 'content-security-policy': CONTENT_SECURITY_POLICY });
    return true;
  }
  if (!path.startsWith(`${EXPLORER_ASSETS_PATH}/`)) return false;
  const file = path.slice(EXPLORER_ASSETS_PATH.length + 1);
  if (!files.has(file)) {
    write(response, method, 'text/plain; charset=utf-8', Buffer.from('Not Found'), {}, 404);
    return true;
  }
  // Read per request: a few megabytes, locally; the files are only ever replaced by a new build folder.
  readFile(join(directory, file)).then(
    (body) => write(response, method, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body),
    () => write(response, method, 'text/plain; charset=utf-8', Buffer.from('Internal Server Error'), {}, 500),
  );
  return true;
}

/**
 * A browser opening the endpoint: it asks for HTML first and sends no operation. Clients that
 * GET an operation, or ask for JSON, reach the API as before.
 */
function wantsPage(request: IncomingMessage, url: URL): boolean {
  return /^\s*text\/html/i.test(request.headers.accept ?? '') && !url.searchParams.has('query');
}

function write(response: ServerResponse, method: string, contentType: string, body: Buffer, headers: Record<string, string> = {}, status = 200): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': body.length,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(method === 'HEAD' ? undefined : body);
}

/** A hash of what the build reads that can change: this folder's sources and the installed versions. */
function sourcesKey(): string {
  const hash = createHash('sha256');
  for (const file of SOURCE_FILES) hash.update(file).update(readFileSync(join(__dirname, file)));
  hash.update(readFileSync(join(repoRoot, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

const SOURCE_FILES = ['app.ts', 'build-explorer.ts', 'explorer-paths.ts'];

async function isDirectory(path: string): Promise<boolean> {
  return readdir(path).then(
    () => true,
    () => false,
  );
}

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}
