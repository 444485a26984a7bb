import { readFileSync } from 'node:fs';

/**
 * Lets a script run by tsx import schema/*.graphql the way the Lambda bundle (esbuild's text
 * loader) and jest (test/support/graphql-text-transform.js) do: the SDL as the default export.
 * Import it before anything that reaches the SDL.
 */
require.extensions['.graphql'] = (module, filename) => {
  module.exports = readFileSync(filename, 'utf8');
};
