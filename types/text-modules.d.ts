// Markdown knowledge files are bundled as strings (esbuild `text` loader; tsx in tests uses the same shim).
declare module '*.md' {
  const text: string;
  export default text;
}
