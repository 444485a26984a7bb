/** SDL files are imported as text (esbuild's `text` loader; a Jest transform in tests). */
declare module '*.graphql' {
  const sdl: string;
  export default sdl;
}
