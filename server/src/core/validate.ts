/** JSON Schema validation (ajv) for the framework, config and front matter, with readable messages. */
import type AjvClass from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import frameworkSchema from '../../../schemas/framework.schema.json';
import configSchema from '../../../schemas/config.schema.json';
import frontMatterSchema from '../../../schemas/frontmatter.schema.json';

// ajv is loaded on first use: the language server starts without it unless a config file exists.
let ajv: AjvClass | undefined;
function getAjv(): AjvClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = (require('ajv') as { default: typeof AjvClass }).default;
  return (ajv ??= new Ajv({ allErrors: true, strict: false }));
}
const compiled = new Map<object, ValidateFunction>();

export interface SchemaProblem { path: string; message: string }

export function validateAgainst(schema: object, data: unknown): SchemaProblem[] {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = getAjv().compile(schema)));
  if (validate(data)) return [];
  return (validate.errors ?? []).map(describe);
}

function describe(e: ErrorObject): SchemaProblem {
  const path = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '';
  let message = e.message ?? 'is invalid';
  if (e.keyword === 'enum') message = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  if (e.keyword === 'additionalProperties') return { path: [path, (e.params as { additionalProperty: string }).additionalProperty].filter(Boolean).join('.'), message: 'is not a known key' };
  if (e.keyword === 'propertyNames') return { path, message: `has a key that is not allowed (${(e.params as { propertyName: string }).propertyName})` };
  return { path, message };
}

export const schemas = { framework: frameworkSchema, config: configSchema, frontMatter: frontMatterSchema };
