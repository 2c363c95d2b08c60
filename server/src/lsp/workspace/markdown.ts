/** Which files are Markdown (the workspace lint's files): by name, so the web server can tell too. */
export const MARKDOWN = /\.(md|markdown)$/i;
