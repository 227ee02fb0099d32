/** The Custom Elements Manifest, made by the plugin in main.ts. */
declare module 'virtual:custom-elements-manifest' {
  const manifest: object;
  export default manifest;
}
