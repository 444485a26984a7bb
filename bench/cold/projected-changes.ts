import type { Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BundleVariant } from './bundle';

/**
 * The deploy bundle as it would be after the changes docs/performance.md recommends, simulated
 * at bundle time so their effect is measured before anyone edits the files they belong to:
 *
 * 1. `@aws-sdk/*` external: the nodejs22.x runtime ships the SDK v3 (NodejsFunction's default).
 * 2. `import * as z from 'zod'` instead of `import { z } from 'zod'`: esbuild then keeps only the
 *    zod functions used, not all of zod's 40 locales and its JSON-schema converters.
 * 3. functions/api/server.ts installs ApolloServerPluginInlineTraceDisabled and
 *    ApolloServerPluginUsageReportingDisabled (@apollo/server/plugin/disabled), so Apollo never
 *    loads its trace protobuf, which can then be external.
 * 4. One copy of @graphql-tools/utils (the lock file nests two identical 12.x copies).
 * 5. One copy of @apollo/server: our ESM imports and the integration's CommonJS require resolve
 *    to its CommonJS build (esbuild alias to the package directory, whose `main` is CommonJS).
 */
const zodNamespaceImports: Plugin = {
  name: 'zod-namespace-imports',
  setup(build) {
    build.onLoad({ filter: /[\\/]functions[\\/].*\.ts$/ }, async ({ path }) => ({
      contents: (await readFile(path, 'utf8')).replace(/import \{ z \} from 'zod';/g, "import * as z from 'zod';"),
      loader: 'ts',
    }));
  },
};

const tracePluginsDisabled: Plugin = {
  name: 'trace-plugins-disabled',
  setup(build) {
    build.onLoad({ filter: /[\\/]functions[\\/]api[\\/]server\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!/plugins: \[/.test(source)) throw new Error('functions/api/server.ts has no `plugins: [` to extend: update bench/cold/projected-changes.ts');
      return {
        contents:
          "import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';\n" +
          source.replace(/plugins: \[/, 'plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginUsageReportingDisabled(), '),
        loader: 'ts',
      };
    });
  },
};

function oneGraphqlToolsUtils(repository: string): Plugin {
  const fromSchemaPackage = createRequire(join(repository, 'node_modules', '@graphql-tools', 'schema', 'package.json'));
  return {
    name: 'one-graphql-tools-utils',
    setup(build) {
      build.onResolve({ filter: /^@graphql-tools\/utils$/ }, () => ({ path: fromSchemaPackage.resolve('@graphql-tools/utils') }));
    },
  };
}

export function projectedSettings(repository: string): BundleVariant {
  return {
    externalModules: ['@aws-sdk/*', '@apollo/usage-reporting-protobuf'],
    plugins: [zodNamespaceImports, tracePluginsDisabled, oneGraphqlToolsUtils(repository)],
    alias: { '@apollo/server': './node_modules/@apollo/server' },
  };
}
