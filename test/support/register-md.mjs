// Lets tests import the bundled Markdown knowledge files as strings, as esbuild's `text` loader does
// in the real build. Covers both module systems tsx may compile a test file to.
import Module, { register } from 'node:module';
import { readFileSync } from 'node:fs';

Module._extensions['.md'] = (module, filename) => {
  module.exports = readFileSync(filename, 'utf8');
};
register('./md-hooks.mjs', import.meta.url);
