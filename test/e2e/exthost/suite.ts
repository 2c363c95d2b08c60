// All extension-host test files, bundled into one file that mocha loads with its globals set.
import './activation.test';
import './diagnostics.test';
import './outline.test';
import './codeActions.test';
import './scaffold.test';
import './caseStudy.test';
import './settings.test';
import './practice.test';
import './reload.test';
import './robustness.test';
import './workspace.test';
import './languageModelTools.test';
