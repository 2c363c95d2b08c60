/**
 * Flag parsing for every command, with messages in plain words instead of node's parseArgs error
 * codes: "unknown option '--fromat' for 'mlsd lint' — did you mean --format?". `--help` / `-h` is
 * understood by every command and reported as `help: true` so the command can print its usage.
 */
import { suggestion } from './did-you-mean';
import { UsageError } from './usage-error';

export interface FlagSpec { type: 'string' | 'boolean'; short?: string }
export type FlagSpecs = Record<string, FlagSpec>;

export type Values<S extends FlagSpecs> = {
  [K in keyof S]?: S[K]['type'] extends 'string' ? string : boolean;
};

export interface Parsed<S extends FlagSpecs> { values: Values<S>; positionals: string[]; help: boolean }

export function parseFlags<S extends FlagSpecs>(command: string, args: string[], specs: S): Parsed<S> {
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  let help = false;
  const names = Object.keys(specs);
  const byShort = new Map(names.filter((n) => specs[n].short).map((n) => [specs[n].short!, n]));
  const where = `for 'mlsd ${command}'`;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    // `--` ends the flags; a lone `-` is a positional (stdin).
    if (arg === '--') { positionals.push(...args.slice(i + 1)); break; }
    if (arg === '-' || !arg.startsWith('-')) { positionals.push(arg); continue; }
    if (arg === '--help' || arg === '-h') { help = true; continue; }

    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const key = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      if (eq >= 0) inline = arg.slice(eq + 1);
      if (!(key in specs)) {
        throw new UsageError(`unknown option '--${key}' ${where}${suggestion(key, names, (s) => `--${s}`)}`, command);
      }
      name = key;
    } else {
      const letter = arg.slice(1, 2);
      name = byShort.get(letter);
      if (!name) throw new UsageError(`unknown option '-${letter}' ${where}`, command);
      if (arg.length > 2) inline = arg.slice(2);
    }

    const spec = specs[name];
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`option '--${name}' takes no value (got '${inline}')`, command);
      values[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = args[i + 1];
      // A following flag is not a value ("--format --verbose"), but "-" (stdin) and "-1" are.
      if (next === undefined || (next.startsWith('-') && next !== '-' && !/^-\d/.test(next))) throw new UsageError(`option '--${name}' needs a value`, command);
      value = next;
      i++;
    }
    values[name] = value;
  }
  return { values: values as Values<S>, positionals, help };
}

/**
 * `--locale LANG` (or `--locale=LANG`) is understood by every command, before or after it: taken out
 * of the arguments here so no command's own flags need it. Undefined: not given.
 */
export function takeLocale(args: string[]): { locale?: string; args: string[] } {
  const rest: string[] = [];
  let locale: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') { rest.push(...args.slice(i)); break; }
    if (arg.startsWith('--locale=')) { locale = arg.slice('--locale='.length); continue; }
    if (arg !== '--locale') { rest.push(arg); continue; }
    const next = args[i + 1];
    if (next === undefined || next.startsWith('-')) throw new UsageError("option '--locale' needs a value (e.g. --locale ru)");
    locale = next;
    i++;
  }
  if (locale !== undefined && !locale.trim()) throw new UsageError("option '--locale' needs a value (e.g. --locale ru)");
  return { locale, args: rest };
}
