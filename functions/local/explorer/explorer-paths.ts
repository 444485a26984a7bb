/** Where the explorer's pieces are, shared by its browser code (app.ts) and the local server. */

/** The GraphQL endpoint the explorer queries, on the page's own origin. */
export const GRAPHQL_PATH = '/graphql';

/** The explorer's bundled files are served under this path. */
export const EXPLORER_ASSETS_PATH = '/explorer';

/** The page's script and stylesheet, as esbuild names them after the entry point. */
export const EXPLORER_SCRIPT = 'app.js';
export const EXPLORER_STYLESHEET = 'app.css';

/** Monaco's web workers, one file each. */
export const WORKER_FILES = {
  editor: 'editor.worker.js',
  json: 'json.worker.js',
  graphql: 'graphql.worker.js',
} as const;

/** Where the page keeps the pasted token (the browser's local storage of the server's origin). */
export const TOKEN_STORAGE_KEY = 'community-city-services.explorer.token';
