/** `npm run l10n:extract`: rewrites l10n/bundle.l10n.json from the code and the shipped knowledge
 * (scripts/l10n-strings.ts) and lists the keys each translation lacks or no longer needs. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleDir, englishBundle, renderBundle } from './l10n-strings';

async function main() {
  const english = await englishBundle();
  if (!existsSync(bundleDir)) mkdirSync(bundleDir);
  writeFileSync(join(bundleDir, 'bundle.l10n.json'), renderBundle(english));
  console.log(`l10n/bundle.l10n.json: ${Object.keys(english).length} messages`);
  for (const f of readdirSync(bundleDir).filter((n) => /^bundle\.l10n\.[^.]+\.json$/.test(n))) {
    const translated = JSON.parse(readFileSync(join(bundleDir, f), 'utf8')) as Record<string, string>;
    const missing = Object.keys(english).filter((k) => !(k in translated));
    const unused = Object.keys(translated).filter((k) => !(k in english));
    console.log(`l10n/${f}: ${missing.length} missing, ${unused.length} unused`);
    for (const k of missing) console.log(`  missing: ${JSON.stringify(k)}`);
    for (const k of unused) console.log(`  unused: ${JSON.stringify(k)}`);
}
}

void main();
