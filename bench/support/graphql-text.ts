import { readFileSync } from 'node:fs';

/**
 * Lets the bench import the API's source under tsx: the schema's `.graphql` files are imported
 * as text (esbuild's `text` loader in the bundle, a jest transform in the tests). Import this
 * module before anything that reaches functions/api/type-defs.ts.
 */
require.extensions['.graphql'] = (module, filename) => {
  (module as NodeJS.Module & { _compile(source: string, filename: string): void })._compile(
    `module.exports = ${JSON.stringify(readFileSync(filename, 'utf8'))};`,
    filename,
  );
};
