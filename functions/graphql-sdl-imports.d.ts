/**
 * The module type of `*.graphql` imports: an SDL file of schema/ is imported as its text
 * (functions/api/type-defs.ts), by esbuild's `text` loader in the bundle (infra/api-bundling.ts)
 * and by a Jest transform in tests (test/support/graphql-text-transform.js).
 */
declare module '*.graphql' {
  const sdl: string;
  export default sdl;
}
