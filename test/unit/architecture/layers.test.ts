import { cyclesOf, importGraph } from './import-graph';

/**
 * The layers of functions/, and what each may import: handler → resolver → use case → domain
 * rule → store, never back up. `local/` is the development harness around the same handlers.
 */
const LAYERS = {
  shared: ['shared'],
  domain: ['domain', 'shared'],
  store: ['store', 'domain', 'shared'],
  app: ['app', 'store', 'domain', 'shared'],
  api: ['api', 'app', 'store', 'domain', 'shared'],
  'scheduled and event handlers': ['handlers', 'app', 'store', 'domain', 'shared'],
  local: ['local', 'api', 'handlers', 'app', 'store', 'domain', 'shared'],
} as const;

type Layer = keyof typeof LAYERS;
const HANDLER_FOLDERS = ['roster', 'compliance', 'onboarding', 'webhooks', 'events', 'privacy', 'photos', 'pages'];

/**
 * The files of domain/ that shared/ may read: the vocabulary (the district-id pattern of the
 * environment) and the identity rules (the claim mapping the environment carries).
 */
const SHARED_MAY_READ = ['functions/domain/vocabulary.ts', 'functions/domain/deployment/identity.ts'];

function layerOf(file: string): Layer | 'handlers' | undefined {
  const folder = file.split('/')[1];
  if (folder === undefined) return undefined;
  if (HANDLER_FOLDERS.includes(folder)) return 'scheduled and event handlers';
  return folder in LAYERS ? (folder as Layer) : undefined;
}

const allowed = (from: Layer, to: string): boolean => {
  const target = layerOf(to);
  const name = target === 'scheduled and event handlers' ? 'handlers' : target;
  return (LAYERS[from] as readonly string[]).includes(name ?? '') || (from === 'shared' && SHARED_MAY_READ.includes(to));
};

const graph = importGraph('functions');

test('given every source file under functions/, when its folder is read, then it belongs to a known layer', () => {
  const unplaced = [...graph.keys()].filter((file) => layerOf(file) === undefined && !/^functions\/[^/]+\.ts$/.test(file));
  expect(unplaced).toEqual([]);
});

test.each(Object.keys(LAYERS) as Layer[])('given the %s layer, when its imports are read, then none reaches a layer above it', (layer) => {
  const against = [...graph.entries()]
    .filter(([file]) => layerOf(file) === layer)
    .flatMap(([file, imports]) => imports.filter((target) => target.startsWith('functions/') && !allowed(layer, target)).map((target) => `${file} → ${target}`));
  expect(against).toEqual([]);
});

test('given the domain layer, when its imports are read, then it imports nothing from the store, the use cases or the API', () => {
  const outward = [...graph.entries()]
    .filter(([file]) => file.startsWith('functions/domain/'))
    .flatMap(([file, imports]) => imports.filter((target) => /^functions\/(store|app|api)\//.test(target)).map((target) => `${file} → ${target}`));
  expect(outward).toEqual([]);
});

test('given the import graph of functions/, when searched for cycles, then there are none', () => {
  expect(cyclesOf(graph)).toEqual([]);
});

test('given a graph with a cycle, when searched, then the cycle is found (the check can fail)', () => {
  const withCycle = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
    ['d.ts', ['a.ts']],
  ]);
  expect(cyclesOf(withCycle)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
});
