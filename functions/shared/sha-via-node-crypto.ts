import { createHash, type Hash } from 'node:crypto';

/**
 * Stands in for the `sha.js` package in the API bundle (the alias in infra/api-bundling.ts).
 * @apollo/utils.createhash, which hashes every operation (document cache, persisted queries),
 * uses node:crypto only when `module.require` exists and falls back to sha.js, a SHA written in
 * JavaScript, otherwise. Inside an esbuild bundle `module.require` is undefined, so without this
 * alias every request would hash in JavaScript and every cold start would load sha.js and its
 * polyfills. sha.js is a factory `(algorithm) => hash` whose hashes have node's `update`/`digest`.
 */
function shaViaNodeCrypto(algorithm: string): Hash {
  return createHash(algorithm);
}

export = shaViaNodeCrypto;
