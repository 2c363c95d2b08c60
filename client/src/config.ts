/** The few `mlsd.*` settings the client itself reads (the server reads the rest per resource). */
import * as vscode from 'vscode';

const section = (scope?: vscode.ConfigurationScope) => vscode.workspace.getConfiguration('mlsd', scope);

export const settings = {
  enabled: (scope?: vscode.ConfigurationScope): boolean => section(scope).get<boolean>('enable', true),
  templatesFolder: (scope?: vscode.ConfigurationScope): string => section(scope).get<string>('templatesFolder', 'docs/design'),
  followCursor: (scope?: vscode.ConfigurationScope): boolean => section(scope).get<boolean>('caseStudy.followCursor', true),
  practiceMinutes: (): number => {
    const m = section().get<number>('practice.minutes', 45);
    return Number.isFinite(m) && m > 0 ? m : 45;
  },
};
