/**
 * The built-in seven-step framework. It is validated against schemas/framework.schema.json by the
 * unit tests rather than at every start (custom frameworks are validated when loaded).
 */
import data from './frameworks/seven-step.json';
import type { Framework } from '../core/types';

export const defaultFramework: Framework = data as Framework;
