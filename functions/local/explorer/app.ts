/**
 * The explorer's browser code: GraphiQL against this server's `/graphql`, with a field for the
 * bearer token `npm run token` prints. Bundled by build-explorer.ts into static files the local
 * server serves; nothing is loaded from elsewhere at run time. Not part of any Lambda bundle.
 *
 * This project type-checks without the DOM library, so the few browser APIs used are declared here.
 */
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { createElement as h, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import { EXPLORER_ASSETS_PATH, GRAPHQL_PATH, TOKEN_STORAGE_KEY, WORKER_FILES } from './explorer-paths';

declare const document: { getElementById(id: string): Element | null };
declare const localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void };
declare class Worker {
  constructor(url: string);
}

type Fetcher = GraphiQLProps['fetcher'];

/** Monaco (GraphiQL's editor) runs its language services in workers, built beside this bundle. */
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) =>
    new Worker(`${EXPLORER_ASSETS_PATH}/${label === 'json' || label === 'graphql' ? WORKER_FILES[label] : WORKER_FILES.editor}`),
};

const DEFAULT_QUERY = `# The local API. Paste a token from \`npm run token -- --role ADMIN\` above;
# without one you are anonymous and only public fields answer.
{
  district {
    id
    name
  }
}
`;

/** POSTs the operation as JSON, with the token as `Authorization: Bearer …` when one is set. */
function tokenFetcher(token: string): Fetcher {
  return async (params, options) => {
    const response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...options?.headers,
      },
      body: JSON.stringify(params),
    });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      // API Gateway-style answers (401 for a bad token) are JSON too; anything else is shown as is.
      return { errors: [{ message: `HTTP ${response.status}: ${text}` }] };
    }
  };
}

function Explorer() {
  const [input, setInput] = useState(() => localStorage.getItem(TOKEN_STORAGE_KEY) ?? '');
  // The token alone, whether pasted bare or as a whole `Bearer …` header value.
  const token = input.trim().replace(/^Bearer\s+/i, '');
  const fetcher = useMemo(() => tokenFetcher(token), [token]);
  const onToken = (event: { target: unknown }) => {
    const value = (event.target as { value: string }).value;
    if (value.trim()) localStorage.setItem(TOKEN_STORAGE_KEY, value);
    else localStorage.removeItem(TOKEN_STORAGE_KEY);
    setInput(value);
  };
  return h(
    'div',
    { className: 'explorer' },
    h(
      'form',
      { className: 'explorer-token', onSubmit: (event: { preventDefault(): void }) => event.preventDefault() },
      h('label', { htmlFor: 'bearer-token' }, 'Bearer token'),
      h('input', {
        id: 'bearer-token',
        type: 'password',
        autoComplete: 'off',
        spellCheck: false,
        placeholder: 'paste what `npm run token -- --role ADMIN` prints (empty: anonymous)',
        value: input,
        onChange: onToken,
      }),
    ),
    h(GraphiQL, { fetcher, defaultQuery: DEFAULT_QUERY, isHeadersEditorEnabled: true }),
  );
}

createRoot(document.getElementById('explorer')!).render(h(Explorer));
