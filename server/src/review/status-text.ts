/** Step statuses and severities as words in the UI language (the ids stay as they are in JSON). */
import * as l10n from '@vscode/l10n';

export function stepStatusText(status: string): string {
  switch (status) {
    case 'covered': return l10n.t('covered');
    case 'thin': return l10n.t('thin');
    case 'missing': return l10n.t('missing');
    case 'not started': return l10n.t('not started');
    default: return status;
  }
}

export function severityText(severity: string): string {
  switch (severity) {
    case 'error': return l10n.t('error');
    case 'warning': return l10n.t('warning');
    case 'info': return l10n.t('info');
    case 'hint': return l10n.t('hint');
    default: return severity;
  }
}
