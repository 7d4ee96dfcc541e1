/** Keywords whose value is one subschema. */
export const ONE_SCHEMA = new Set(['items', 'not', 'additionalProperties', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems', 'contentSchema']);
/** Keywords whose value is a list of subschemas. */
export const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords whose value maps names to subschemas. */
export const SCHEMA_MAP = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Values that are data (examples), never schemas or OpenAPI objects holding schemas. */
export const SCHEMA_DATA_KEYS = new Set(['example', 'examples']);
