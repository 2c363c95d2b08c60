/** The `--format` names and the one place that turns reports into the chosen format's text. */
import type { FindingKey } from '../baseline';
import type { FileReport } from '../report';
import { formatCompact } from './compact';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { formatText } from './text';

export const FORMATS = ['text', 'compact', 'json', 'sarif', 'github', 'junit', 'gitlab'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface RenderInput {
  reports: FileReport[];
  /** Baseline keys, aligned with each report's findings. */
  keys: FindingKey[][];
  version: string;
  verbose: boolean;
  /** Undefined: decide from the terminal and NO_COLOR / FORCE_COLOR, as the text format does. */
  colour?: boolean;
}

/** The report without a trailing newline; '' when a line-per-finding format has nothing to say. */
export function render(format: FormatName, input: RenderInput): string {
  const { reports } = input;
  switch (format) {
    case 'json': return JSON.stringify(reports, null, 2);
    case 'compact': return formatCompact(reports);
    case 'sarif': return formatSarif(reports, input.version);
    case 'github': return formatGithub(reports);
    case 'junit': return formatJunit(reports);
    case 'gitlab': return formatGitlab(reports, input.keys);
    case 'text': return input.colour === undefined ? formatText(reports, input.verbose) : formatText(reports, input.verbose, input.colour);
  }
}
