/** The custom requests that serve knowledge: templates, case studies, the practice plan. */
import type { Connection } from 'vscode-languageserver';
import { Requests } from '../../protocol';
import type { KnowledgeService } from '../platform';
import { handle } from '../wire';
import { shippedText } from '../../core/l10n';

/** `knowledge`: the platform's knowledge service (Node loads its bundle on first use; the web bundles it in). */
export function registerKnowledgeRequests(connection: Connection, knowledge: () => KnowledgeService): void {
  // Params may be malformed (null, missing fields): read field by field.
  handle(connection, Requests.listTemplates, () => knowledge().listTemplates());
  handle(connection, Requests.renderTemplate, (p) => {
    const text = knowledge().renderTemplateText(String(p?.id), String(p?.title ?? ''), p?.snippet === true);
    return text === undefined ? null : { text };
  });
  handle(connection, Requests.listCaseStudies, () => knowledge().listCaseStudies());
  handle(connection, Requests.caseStudy, (p) => knowledge().caseStudyHtml(String(p?.id)) ?? null);
  // The practice plan is data mlsd ships: its step titles and questions in the UI language.
  handle(connection, Requests.practicePlan, () => {
    const plan = knowledge().practicePlan();
    return { ...plan, steps: plan.steps.map((s) => ({ ...s, title: shippedText(s.title), questions: s.questions.map(shippedText) })) };
  });
}
