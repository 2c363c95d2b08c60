/** The built-in seven-step framework, validated once at load. */
import data from './frameworks/seven-step.json';
import { validateFramework } from '../core/framework';
import type { Framework } from '../core/types';

const loaded = validateFramework(data);
if (!loaded.framework) throw new Error(`built-in framework is invalid: ${loaded.errors.join('; ')}`);

export const defaultFramework: Framework = loaded.framework;
