// Jest counterpart of esbuild's `text` loader: a .graphql import is its SDL as the default export.
module.exports = {
  process(source) {
    return { code: `Object.defineProperty(exports, '__esModule', { value: true }); exports.default = ${JSON.stringify(source)};` };
  },
};
