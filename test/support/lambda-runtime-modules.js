/**
 * Preloaded (`node -r`) into a process that loads a Lambda bundle: the bundle named by
 * `LAMBDA_BUNDLE` may then require only what the Node.js 22 runtime gives it, Node's built-in
 * modules and the AWS SDK v3 (`@aws-sdk/*`). Any other package it left external fails as it would
 * in AWS, even when this repository's node_modules could resolve it.
 */
const Module = require('node:module');

const bundle = process.env.LAMBDA_BUNDLE;
const resolveFilename = Module._resolveFilename;

function providedByRuntime(request) {
  return request.startsWith('node:') || Module.isBuiltin(request) || request.startsWith('@aws-sdk/');
}

Module._resolveFilename = function resolveAsLambdaRuntime(request, parent, ...rest) {
  if (parent?.filename === bundle && !providedByRuntime(request)) {
    const error = new Error(`Cannot find module '${request}': the Lambda runtime provides only Node's modules and @aws-sdk/*`);
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }
  return resolveFilename.call(this, request, parent, ...rest);
};
