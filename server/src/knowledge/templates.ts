/**
 * Templates for `mlsd new` and "MLSD: New Design Doc". Source syntax: `{{title}}` is the doc title,
 * `{{?prompt}}` a place the writer fills in. Rendered either as a VS Code snippet (tab stops whose
 * default text is `TODO: prompt`) or as plain text with `TODO: prompt` lines; either way the core
 * reads an untouched step as not started (core/model/prompts.ts) until the writer answers it.
 */
import { splitFrontMatter } from './front-matter-split';
import sevenStep from './templates/seven-step.md';
import recommendation from './templates/recommendation.md';
import classification from './templates/classification.md';
import regression from './templates/regression.md';
import retrieval from './templates/retrieval.md';

export const templateSources: Record<string, string> = { 'seven-step': sevenStep, recommendation, classification, regression, retrieval };

export interface Template { id: string; title: string; description: string; problemType?: string; body: string }

export function templates(): Template[] {
  return Object.entries(templateSources).map(([file, text]) => {
    const { data, body } = splitFrontMatter(text);
    return {
      id: String(data.id ?? file),
      title: String(data.title ?? file),
      description: String(data.description ?? ''),
      problemType: typeof data.problemType === 'string' ? data.problemType : undefined,
      body,
    };
  });
}

export function findTemplate(id: string): Template | undefined {
  return templates().find((t) => t.id === id);
}

/** Escapes text for a VS Code snippet body ($, } and \ are special there). */
function snippetEscape(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

export function renderTemplate(t: Template, title: string, mode: 'snippet' | 'text'): string {
  const front = ['---', 'mlsd: true', ...(t.problemType ? [`problem: ${t.problemType}`] : []), '---', ''].join('\n');
  const cleanTitle = title.replace(/[\r\n]+/g, ' ').trim() || 'Untitled design doc';
  if (mode === 'text') {
    return front + t.body.replace(/\{\{title\}\}/g, cleanTitle).replace(/\{\{\?([^{}\n]*)\}\}/g, (_, p: string) => `TODO: ${p.trim()}`);
  }
  let stop = 0;
  const parts = (front + t.body).split(/(\{\{title\}\}|\{\{\?[^{}\n]*\}\})/);
  const out = parts.map((part) => {
    if (part === '{{title}}') return snippetEscape(cleanTitle);
    const m = /^\{\{\?([^{}\n]*)\}\}$/.exec(part);
    // The tab stop keeps the TODO marker: typing over it replaces both, and a stop left untouched
    // stays a recognisable prompt (the step reads as not started), not a question posing as content.
    if (m) return `\${${++stop}:TODO: ${snippetEscape(m[1].trim())}}`;
    return snippetEscape(part);
  });
  return out.join('') + '$0';
}
