import { build, type BuildOptions } from 'esbuild';
import { dirname, join } from 'node:path';
import { EXPLORER_SCRIPT, WORKER_FILES } from './explorer-paths';

/** Browsers the explorer is built for: current ones, as developers use. */
const BROWSER_TARGETS = ['chrome120', 'edge120', 'firefox120', 'safari16'];

/**
 * The package folder `request` resolves to from `from`'s folder: Monaco's workers must come from
 * the copy GraphiQL itself loads (@graphiql/react pins monaco-editor), not from wherever else.
 */
const packageDir = (request: string, from: string): string => dirname(require.resolve(`${request}/package.json`, { paths: [from] }));

/** Each Monaco worker: a module path, resolved from @graphiql/react's folder. */
const WORKER_MODULES: Record<keyof typeof WORKER_FILES, string> = {
  editor: 'monaco-editor/esm/vs/editor/editor.worker.js',
  json: 'monaco-editor/esm/vs/language/json/json.worker.js',
  graphql: 'monaco-graphql/esm/graphql.worker.js',
};

const common: BuildOptions = {
  bundle: true,
  platform: 'browser',
  target: BROWSER_TARGETS,
  minify: true,
  legalComments: 'linked',
  // React's production build; GraphiQL's own checks read the same variable.
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'error',
};

/**
 * Bundles the explorer (GraphiQL, React, Monaco and app.ts) into `outDir`: `app.js`, `app.css`,
 * Monaco's font under `assets/`, and the three workers as classic scripts. Every file is served from the
 * local server's origin, so the explorer works without internet.
 */
export async function buildExplorer(outDir: string): Promise<void> {
  const graphiqlDir = packageDir('graphiql', __dirname);
  const graphiqlReactDir = packageDir('@graphiql/react', graphiqlDir);
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(__dirname, 'app.ts')],
      entryNames: EXPLORER_SCRIPT.replace(/\.js$/, ''),
      outdir: outDir,
      // One script and one stylesheet: without code splitting, what GraphiQL imports lazily
      // (Monaco, prettier) is bundled in, and so is its CSS, which a lazily loaded chunk's would not be.
      format: 'iife',
      assetNames: 'assets/[name]-[hash]',
      loader: { '.ttf': 'file' },
    }),
    ...Object.entries(WORKER_MODULES).map(([label, module]) =>
      build({
        ...common,
        stdin: { contents: `import '${module}';`, resolveDir: graphiqlReactDir, loader: 'js' },
        outfile: join(outDir, WORKER_FILES[label as keyof typeof WORKER_FILES]),
        format: 'iife',
      }),
    ),
  ]);
}
