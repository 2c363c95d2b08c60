#!/usr/bin/env node
// The `mlsd` command: runs the bundled CLI (build with `npm run build`).
require('../dist/cli.js');
