/** Messages between an AnalysisHost and its worker thread. */
import type { MlsdConfig } from '../core/config';
import type { AnalysisSummary } from './summary';
import type { MessageBundle } from '../core/l10n';

/** The UI language's message bundle (undefined: English), for the worker's findings. */
export interface MessagesMessage { type: 'messages'; messages: MessageBundle | undefined }

export interface AnalyzeMessage {
  type: 'analyze';
  id: number;
  /** Documents with a key keep a parse cache in the worker between analyses. */
  key?: string;
  text: string;
  config?: MlsdConfig;
  /** JSON text of a custom framework file, already read by the shell. */
  frameworkText?: string;
  /** Lint as a design doc whatever the file looks like (matched `designDocGlobs`, or "lint anyway"). */
  asDesignDoc?: boolean;
}

export interface ForgetMessage { type: 'forget'; key: string }

/** Check a framework file's text against its schema here, off the shell's main thread (ajv is slow to compile). */
export interface ValidateFrameworkMessage { type: 'validate-framework'; id: number; text: string }

export type WorkerRequest = AnalyzeMessage | ForgetMessage | ValidateFrameworkMessage | MessagesMessage;

export interface WorkerResponse {
  id: number;
  /** Sent once, unasked, when the worker has loaded the core: the host starts the clock then. */
  ready?: boolean;
  /** For a keyed document whose model did not change, `doc` is left out and `docUnchanged` set:
   * cloning a large doc model across threads costs more than comparing it. */
  result?: AnalysisSummary | Omit<AnalysisSummary, 'doc'>;
  docUnchanged?: boolean;
  error?: string;
  /** Answer to a ValidateFrameworkMessage: the schema's complaints, empty when the framework is valid. */
  frameworkErrors?: string[];
}
