/** gcoord's CommonJS build, imported by path (functions/domain/coordinates.ts says why): the package's own types. */
declare module 'gcoord/dist/gcoord.cjs.js' {
  import gcoord from 'gcoord';
  export default gcoord;
}
