// The repo benchmark's reference: markdownlint (the devDependency, its default rules) over every
// Markdown file under a folder, as one process — start-up, reading and linting, like `mlsd lint`.
// Usage: node bench/markdownlint-folder.mjs DIR   (prints the file and finding counts)
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { lint } from 'markdownlint/sync';

const dir = process.argv[2];
const files = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(dir, f));
const results = lint({ files });
let findings = 0;
for (const file of Object.keys(results)) findings += results[file].length;
console.log(`${files.length} files, ${findings} findings`);
