/**
 * A module loaded when an operation first needs it, not when the function starts: pass a
 * `require` of it (typed with `typeof import(…)`: an `import` statement would load it at start).
 * esbuild bundles the module as usual but runs its top-level code (zod schemas built, libraries
 * initialised) only on that first call, so a cold start pays only for the operations its first
 * request runs (docs/performance.md, "Lazy loading per operation"). Answers the same module on
 * every call.
 */
export function onFirstUse<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}
