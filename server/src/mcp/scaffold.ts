/**
 * The `scaffold` tool: a template and a title → the text of a new design doc (the `mlsd new` text).
 * It writes a file only when given a path inside the roots where nothing exists yet — not a file,
 * not a folder, not a link, even a dangling one — and the write itself refuses to replace anything
 * ('wx'), so it never overwrites, even in a race.
 */
import { lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { findTemplate, renderTemplate, templates } from '../knowledge/templates';
import { guarded, ok, ToolInputError } from './result';
import type { Roots } from './roots';

const templateIds = () => templates().map((t) => t.id);

export const scaffoldInput = {
  template: z.string().describe(`Template id: ${templateIds().join(', ')}.`),
  title: z.string().describe('The system the doc designs, e.g. "Spam filter for comments".'),
  path: z.string().optional().describe('Write the doc here (inside the roots; never overwrites). Without it, only the text is returned.'),
};

export const scaffoldOutput = {
  template: z.string(),
  title: z.string(),
  text: z.string(),
  written: z.boolean(),
  path: z.string().optional(),
};

function whatIsThere(file: string): string | undefined {
  let st;
  try { st = lstatSync(file); } catch { return undefined; }
  if (st.isSymbolicLink()) return 'is a symbolic link';
  if (st.isDirectory()) return 'is a folder';
  return 'already exists';
}

export function scaffoldTool(roots: Roots) {
  return (args: { template: string; title: string; path?: string }): Promise<CallToolResult> => guarded(async () => {
    const template = findTemplate(args.template.trim());
    if (!template) throw new ToolInputError(`unknown template '${args.template}' (templates: ${templateIds().join(', ')})`);
    if (!args.title.trim()) throw new ToolInputError('title must not be empty');
    const text = renderTemplate(template, args.title, 'text');
    const base = { template: template.id, title: args.title.trim() };
    if (args.path === undefined) return ok({ ...base, text, written: false }, text);
    const file = await roots.place(args.path);
    const taken = whatIsThere(file);
    if (taken) throw new ToolInputError(`${args.path} ${taken}; not overwriting it (choose another path, or omit path to get the text)`);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text, { flag: 'wx' });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ToolInputError(code === 'EEXIST' ? `${args.path} appeared meanwhile; not overwriting it` : `cannot create ${args.path} (${code ?? String(e)})`);
    }
    return ok({ ...base, text, written: true, path: file }, `Created ${file} from template '${template.id}'.\n\n${text}`);
  });
}
