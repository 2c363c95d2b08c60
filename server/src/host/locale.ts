/**
 * The UI language of a Node shell (CLI, MCP, a language server told a locale) and its message
 * bundle: `l10n/bundle.l10n.<lang>.json` beside the bundle (shipped in the .vsix and the npm
 * package). English is the code's own text, so it has no bundle; a language without one is English.
 */
import * as path from 'node:path';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { MessageBundle } from '../core/l10n';

/** `ru_RU.UTF-8`, `ru-RU`, `RU` → `ru`; `pt_BR` → `pt-br`; `C`, `POSIX`, empty → undefined. */
export function normaliseLocale(value: string | undefined): string | undefined {
  const tag = value?.trim().split(/[.@]/)[0].replace(/_/g, '-').toLowerCase();
  if (!tag || tag === 'c' || tag === 'posix') return undefined;
  return tag;
}

/** The locale the environment asks for, in POSIX order of precedence: LC_ALL, LC_MESSAGES, LANG. */
export function environmentLocale(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (v) return normaliseLocale(v);
  }
  return undefined;
}

function bundleDir(): string | undefined {
  // dist/*.js → ../l10n; from sources (tests) server/src/host → ../../../l10n.
  for (const rel of ['../l10n', '../../../l10n']) {
    const dir = path.resolve(__dirname, rel);
    if (existsSync(path.join(dir, 'bundle.l10n.json'))) return dir;
  }
  return undefined;
}

/** Languages with a bundle (besides English). */
export function availableLocales(): string[] {
  const dir = bundleDir();
  if (!dir) return [];
  return readdirSync(dir).map((f) => /^bundle\.l10n\.(.+)\.json$/.exec(f)?.[1]).filter((l): l is string => !!l);
}

/**
 * The messages for a locale: its own bundle (`pt-br`), else its language's (`pt`); English or a
 * language with no bundle → undefined (`known: false` for one that is neither, so a shell can warn).
 */
export function messagesFor(locale: string | undefined): { messages?: MessageBundle; known: boolean } {
  const tag = normaliseLocale(locale);
  if (!tag || tag === 'en' || tag.startsWith('en-')) return { known: true };
  const dir = bundleDir();
  if (!dir) return { known: false };
  for (const candidate of [tag, tag.split('-')[0]]) {
    const file = path.join(dir, `bundle.l10n.${candidate}.json`);
    if (!existsSync(file)) continue;
    try {
      return { messages: JSON.parse(readFileSync(file, 'utf8')) as MessageBundle, known: true };
    } catch {
      return { known: false };
    }
  }
  return { known: false };
}
