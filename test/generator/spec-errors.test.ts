import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, SpecError } from '../../generator/index.js';
import { cli, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const OK_TAIL = `info: { title: t, version: '1' }
paths: {}
`;

/** [name, { given spec text, want: fragments the one message must contain }] */
const CASES: [string, { file?: string; given: string; want: string[] }][] = [
  ['bad YAML names the line', { given: `openapi: 3.1.1\ninfo:\n  title: t\n  version: a: b\n`, want: ['line 4', 'invalid YAML'] }],
  ['bad JSON names the line', { file: 'spec.json', given: '{\n  "openapi": "3.1.1",\n  "info": {,\n}', want: ['line 3', 'invalid JSON'] }],
  ['duplicate YAML keys', { given: `openapi: 3.1.1\nopenapi: 3.1.0\n${OK_TAIL}`, want: ['line 2', 'invalid YAML'] }],
  [
    'missing $ref names the pointer and the target',
    {
      given: `openapi: 3.1.1\n${OK_TAIL}webhooks:\n  a.b:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: { $ref: '#/components/schemas/Nope' }\n      responses: { '200': { description: ok } }\n`,
      want: ['#/webhooks/a.b/post/requestBody/content/application~1json/schema/$ref', '#/components/schemas/Nope', 'does not exist'],
    },
  ],
  [
    'duplicate operationId names both places',
    {
      given: `openapi: 3.1.1\ninfo: { title: t, version: '1' }\npaths:\n  /a:\n    get: { operationId: same, responses: { '200': { description: ok } } }\nwebhooks:\n  b:\n    post: { operationId: same, responses: { '200': { description: ok } } }\n`,
      want: ['duplicate operationId "same"', '#/paths/~1a/get/operationId', '#/webhooks/b/post/operationId'],
    },
  ],
  ['OpenAPI 3.0', { given: `openapi: 3.0.3\n${OK_TAIL}`, want: ['#/openapi', 'OpenAPI 3.0.3 is not supported', '3.1.1'] }],
  ['OpenAPI 3.2', { given: `openapi: 3.2.0\n${OK_TAIL}`, want: ['#/openapi', 'OpenAPI 3.2.0 is not supported'] }],
  ['short version 3.1', { given: `openapi: '3.1'\n${OK_TAIL}`, want: ['#/openapi', 'full version'] }],
  ['Swagger 2', { given: `swagger: '2.0'\n${OK_TAIL}`, want: ['#/swagger', 'Swagger 2.0 is not supported'] }],
  ['external $ref to a missing file', { given: `openapi: 3.1.1\n${OK_TAIL}components:\n  schemas:\n    A: { $ref: 'other.yaml#/B' }\n`, want: ['#/components/schemas/A', "Can't resolve $ref", 'other.yaml'] }],
  ['not an object', { given: `- just\n- a list\n`, want: ['must be an object'] }],
];

describe('spec errors', () => {
  it.each(CASES)('%s', async (_name, { file = 'spec.yaml', given, want }) => {
    const spec = join(tmp.dir, file);
    writeFileSync(spec, given);
    const error = await generate({ spec, out: join(tmp.dir, 'out'), cacheDir: false, parallel: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    const message = (error as SpecError).message;
    for (const fragment of want) expect(message).toContain(fragment);
    expect(message.startsWith(`${file}: `)).toBe(true);
  });

  it('reports a missing spec file', async () => {
    const error = await generate({ spec: join(tmp.dir, 'absent.yaml'), out: join(tmp.dir, 'out'), cacheDir: false, parallel: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as Error).message).toContain('file not found');
  });

  it('exits non-zero from the CLI with one clear message and no stack trace', async () => {
    const spec = join(tmp.dir, 'v30.yaml');
    writeFileSync(spec, `openapi: 3.0.3\n${OK_TAIL}`);
    const { code, stderr } = await cli(['generate', '--spec', spec, '--out', join(tmp.dir, 'out'), '--no-cache']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^hookspec: v30\.yaml: #\/openapi: OpenAPI 3\.0\.3 is not supported/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
