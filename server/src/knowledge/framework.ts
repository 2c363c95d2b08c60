/**
 * The built-in seven-step framework, with the words of every language pack (knowledge/languages/)
 * merged in. The JSON is validated against schemas/framework.schema.json by the unit tests rather
 * than at every start (custom frameworks are validated when loaded).
 */
import data from './frameworks/seven-step.json';
import type { Framework } from '../core/types';
import { withLanguages } from './languages';
import { shipsTranslations } from '../core/l10n';

// Shipped: its titles, labels and questions are in the message bundles (a team's own file is not).
export const defaultFramework: Framework = shipsTranslations(withLanguages(data as Framework));
