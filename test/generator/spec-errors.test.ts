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
const INFO = `info: { title: t, version: '1' }\n`;

/** [name, { given spec text, want: fragments the message must contain, lines: how many lines it has (1) }] */
const CASES: [string, { file?: string; given: string; want: string[]; lines?: number }][] = [
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
  ['a tab is one line, not one per following line', { given: `openapi: 3.1.1\n${OK_TAIL}components:\n  schemas:\n    A:\n\ttype: object\n    B:\n      type: string\n    C:\n      type: string\n`, want: ['line 7, column 1', 'Tabs are not allowed'] }],
  ['YAML alias inside its own anchor', { given: `openapi: 3.1.1\n${OK_TAIL}components:\n  schemas:\n    A: &a\n      type: object\n      properties:\n        self: *a\n`, want: ['line 9, column 15', 'alias *a', 'needs $ref'] }],
  ['$ref cycle', { given: `openapi: 3.1.1\n${OK_TAIL}components:\n  schemas:\n    A: { $ref: '#/components/schemas/B' }\n    B: { $ref: '#/components/schemas/A' }\n`, want: ['#/components/schemas/A → #/components/schemas/B → #/components/schemas/A', 'forever'] }],
  ['allOf cycle', { given: `openapi: 3.1.1\n${OK_TAIL}components:\n  schemas:\n    A: { allOf: [{ $ref: '#/components/schemas/B' }] }\n    B: { anyOf: [{ type: string }, { $ref: '#/components/schemas/A' }] }\n`, want: ['#/components/schemas/B/anyOf/1', 'forever'] }],
  ['webhook without a body schema', { given: `openapi: 3.1.1\n${OK_TAIL}webhooks:\n  a.b:\n    post:\n      responses: { '200': { description: ok } }\n`, want: ['#/webhooks/a.b/post', 'webhook "a.b" has no request body schema'] }],
  ['exclusiveMinimum: true (OpenAPI 3.0)', { given: `openapi: 3.1.1\n${OK_TAIL}components:\n  schemas:\n    A: { type: integer, minimum: 0, exclusiveMinimum: true }\n`, want: ['#/components/schemas/A/exclusiveMinimum', 'exclusiveMinimum: N'] }],
  ['unquoted null in a type list', { given: `openapi: 3.1.1\n${OK_TAIL}components:\n  schemas:\n    A: { type: object, properties: { n: { type: [string, null] } } }\n`, want: ['#/components/schemas/A/properties/n/type', "'null'"] }],
  ['negative maxLength', { given: `openapi: 3.1.1\n${OK_TAIL}components:\n  schemas:\n    A: { type: string, maxLength: -1 }\n`, want: ['#/components/schemas/A/maxLength', 'whole number'] }],
  ['maxLength too large for a number', { given: `openapi: 3.1.1\n${OK_TAIL}components:\n  schemas:\n    A: { type: string, maxLength: 1e400 }\n`, want: ['#/components/schemas/A/maxLength', 'got Infinity'] }],
  ['invalid pattern names the pattern', { given: `openapi: 3.1.1\n${OK_TAIL}components:\n  schemas:\n    A: { type: object, properties: { p: { type: string, pattern: '^[a-z' } } }\n`, want: ['#/components/schemas/A/properties/p/pattern', 'invalid regular expression'] }],
  ['schema $ref to a parameter', { given: `openapi: 3.1.1\n${OK_TAIL}components:\n  parameters:\n    P: { name: p, in: query, schema: { type: string } }\n  schemas:\n    A: { $ref: '#/components/parameters/P' }\n`, want: ['#/components/schemas/A/$ref', 'is not a schema'] }],
  ['__proto__ as a name', { given: `openapi: 3.1.1\n${OK_TAIL}components:\n  schemas:\n    __proto__: { type: string }\n`, want: ['#/components/schemas/__proto__', 'rename it'] }],
  [
    'x-hookspec-system that is not a boolean names the pointer and the value',
    {
      given: `openapi: 3.1.1\n${OK_TAIL}webhooks:\n  a.b:\n    post:\n      x-hookspec-system: yes\n      requestBody: { content: { application/json: { schema: { type: object } } } }\n      responses: { '200': { description: ok } }\n`,
      want: ['#/webhooks/a.b/post/x-hookspec-system', '`x-hookspec-system` of webhook "a.b" must be true or false, got "yes"', 'x-hookspec-system: true'],
    },
  ],
  [
    'x-hookspec-system on the path item is checked too',
    {
      given: `openapi: 3.1.1\n${OK_TAIL}webhooks:\n  a.b:\n    x-hookspec-system: 1\n    post:\n      requestBody: { content: { application/json: { schema: { type: object } } } }\n      responses: { '200': { description: ok } }\n`,
      want: ['#/webhooks/a.b/x-hookspec-system', 'must be true or false, got 1'],
    },
  ],
  ['misspelt method', { given: `openapi: 3.1.1\ninfo: { title: t, version: '1' }\nwebhooks:\n  a.b:\n    psot: { responses: { '200': { description: ok } } }\n`, want: ['#/webhooks/a.b/psot', 'would be dropped'] }],
  ['upper-case method', { given: `openapi: 3.1.1\ninfo: { title: t, version: '1' }\npaths:\n  /a:\n    GET: { responses: { '200': { description: ok } } }\n`, want: ['#/paths/~1a/GET', 'lower case (`get`)'] }],
  ['path without a leading slash', { given: `openapi: 3.1.1\ninfo: { title: t, version: '1' }\npaths:\n  a: { get: { responses: { '200': { description: ok } } } }\n`, want: ['#/paths/a', 'must start with "/"'] }],
  ['empty webhooks:', { given: `openapi: 3.1.1\ninfo: { title: t, version: '1' }\nwebhooks:\n`, want: ['#/webhooks', 'is empty'] }],
  [
    'undeclared path parameter',
    { given: `openapi: 3.1.1\ninfo: { title: t, version: '1' }\npaths:\n  /a/{id}:\n    get: { responses: { '200': { description: ok } } }\n`, want: ['#/paths/~1a~1{id}/get', 'path parameter {id}', 'not declared'] },
  ],
  [
    'path parameter not in the path',
    {
      given: `openapi: 3.1.1\ninfo: { title: t, version: '1' }\npaths:\n  /a/{thingId}:\n    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\n    get: { responses: { '200': { description: ok } } }\n`,
      want: ['#/paths/~1a~1{thingId}/get: path parameter {thingId}', '#/paths/~1a~1{thingId}/parameters/0: path parameter "id" does not appear'],
      lines: 2,
    },
  ],
  [
    'a schema Ajv refuses names the pointer in the spec',
    {
      given: `openapi: 3.1.1\ninfo: { title: t, version: '1' }\nwebhooks:\n  a.b:\n    post:\n      requestBody: { content: { application/json: { schema: { type: object, dependentRequired: 5 } } } }\n      responses: { '200': { description: ok } }\n`,
      want: ['spec.yaml: #/webhooks/a.b/post/requestBody/content/application~1json/schema: schema of "a.b" does not compile'],
    },
  ],
  // Malformed objects used to reach openapi-typescript and fail there without a location, or vanish.
  ['an empty method under a path', { given: `openapi: 3.1.1\n${INFO}paths:\n  /x:\n    put:\n`, want: ['#/paths/~1x/put', '`put:` is empty'] }],
  ['an empty method under a webhook', { given: `openapi: 3.1.1\n${OK_TAIL}webhooks:\n  a.b:\n    post:\n`, want: ['#/webhooks/a.b/post', '`post:` is empty'] }],
  ['a string under a method', { given: `openapi: 3.1.1\n${INFO}paths:\n  /x:\n    put: hello\n`, want: ['#/paths/~1x/put', 'must be an Operation object', 'the string "hello"'] }],
  ['a list under a method is refused, not dropped', { given: `openapi: 3.1.1\n${INFO}paths:\n  /x:\n    put: [1]\n`, want: ['#/paths/~1x/put', 'must be an Operation object', 'got a list'] }],
  ['a method of a $ref-ed path item', { given: `openapi: 3.1.1\n${OK_TAIL}components:\n  pathItems:\n    P:\n      get:\n`, want: ['#/components/pathItems/P/get', '`get:` is empty'] }],
  ['parameters: 5 on a path item', { given: `openapi: 3.1.1\n${INFO}paths:\n  /x:\n    parameters: 5\n    get: { responses: { '200': { description: ok } } }\n`, want: ['#/paths/~1x/parameters', '`parameters` must be a list', 'the number 5'] }],
  ['parameters: 5 on an operation', { given: `openapi: 3.1.1\n${INFO}paths:\n  /x:\n    get: { parameters: 5, responses: { '200': { description: ok } } }\n`, want: ['#/paths/~1x/get/parameters', '`parameters` must be a list'] }],
  ['parameters: [null]', { given: `openapi: 3.1.1\n${INFO}paths:\n  /x:\n    get: { parameters: [null], responses: { '200': { description: ok } } }\n`, want: ['#/paths/~1x/get/parameters/0', 'a parameter must be a Parameter object', 'got nothing'] }],
  ['$ref: 5', { given: `openapi: 3.1.1\n${OK_TAIL}components:\n  schemas:\n    A: { $ref: 5 }\n`, want: ['#/components/schemas/A/$ref', '`$ref` must be a string'] }],
  ['items: 5', { given: `openapi: 3.1.1\n${OK_TAIL}components:\n  schemas:\n    A: { type: array, items: 5 }\n`, want: ['#/components/schemas/A/items', 'a schema must be an object', 'the number 5'] }],
  ['a schema that is a plain string', { given: `openapi: 3.1.1\n${OK_TAIL}components:\n  schemas:\n    A: string\n`, want: ['#/components/schemas/A', 'a schema must be an object', '{ type: string }'] }],
  [
    'a discriminator mapping to a missing schema is one line',
    {
      given: `openapi: 3.1.1\n${OK_TAIL}components:\n  schemas:\n    A:\n      oneOf: [{ $ref: '#/components/schemas/B' }]\n      discriminator: { propertyName: k, mapping: { b: '#/components/schemas/Nope' } }\n    B: { type: object }\n`,
      want: ['#/components/schemas/A/discriminator/mapping/b', '"#/components/schemas/Nope" does not exist'],
    },
  ],
  // Accepted with exit 0 before: the first parameter was silently dropped.
  ['a parameter with an invalid `in`', { given: `openapi: 3.1.1\n${INFO}paths:\n  /x:\n    get: { parameters: [{ name: q, in: body, schema: { type: string } }], responses: { '200': { description: ok } } }\n`, want: ['#/paths/~1x/get/parameters/0/in', 'query, header, path, cookie', '"body"', 'requestBody'] }],
  ['a parameter without schema or content', { given: `openapi: 3.1.1\n${INFO}paths:\n  /x:\n    get: { parameters: [{ name: q, in: query }], responses: { '200': { description: ok } } }\n`, want: ['#/paths/~1x/get/parameters/0', 'parameter "q" needs a `schema`'] }],
  [
    'a shared parameter is reported where it is written',
    {
      given: `openapi: 3.1.1\n${INFO}paths:\n  /x:\n    get: { parameters: [{ $ref: '#/components/parameters/Q' }], responses: { '200': { description: ok } } }\n  /y:\n    get: { parameters: [{ $ref: '#/components/parameters/Q' }], responses: { '200': { description: ok } } }\ncomponents:\n  parameters:\n    Q: { name: q, in: formData, schema: { type: string } }\n`,
      want: ['#/components/parameters/Q/in', '"formData"'],
    },
  ],
  ['responses: 5', { given: `openapi: 3.1.1\n${INFO}paths:\n  /x:\n    get: { responses: 5 }\n`, want: ['#/paths/~1x/get/responses', '`responses` must map status codes', 'the number 5'] }],
  ['openapi: 3.1 unquoted (a number)', { given: `openapi: 3.1\n${OK_TAIL}`, want: ['#/openapi', 'unquoted is the number 3.1', 'openapi: 3.1.1'] }],
  ['openapi: 3.0 unquoted (a number)', { given: `openapi: 3.0\n${OK_TAIL}`, want: ['#/openapi', '`openapi: 3.0` unquoted', 'OpenAPI 3.0 is not supported', 'openapi: 3.1.1'] }],
  ['an undefined YAML alias names its line', { given: `openapi: 3.1.1\n${OK_TAIL}components:\n  schemas:\n    A:\n      type: object\n    B: *nosuchanchor\n`, want: ['line 8, column 8', 'alias *nosuchanchor has no anchor'] }],
  [
    'arrays nested 5000 deep are refused before any recursive step overflows',
    {
      file: 'deep.json',
      given: JSON.stringify({ openapi: '3.1.1', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { A: { type: 'array', examples: [0] } } } }).replace('[0]', `${'['.repeat(5000)}0${']'.repeat(5000)}`),
      want: ['#/components/schemas/A/examples/0/0', 'nested more than 128 levels deep'],
    },
  ],
];

describe('spec errors', () => {
  it.each(CASES)('%s', async (_name, { file = 'spec.yaml', given, want, lines = 1 }) => {
    const spec = join(tmp.dir, file);
    writeFileSync(spec, given);
    const error = await generate({ spec, out: join(tmp.dir, 'out'), cacheDir: false, parallel: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    const message = (error as SpecError).message;
    for (const fragment of want) expect(message).toContain(fragment);
    // One mistake, one line (two where it has two ends).
    expect(message.split('\n')).toHaveLength(lines);
    expect(message.startsWith(`${file}: `)).toBe(true);
  });

  it('stops an alias bomb at once instead of expanding it', async () => {
    const anchors = ['    L0: &l0 { type: string }', ...Array.from({ length: 9 }, (_, i) => `    L${i + 1}: &l${i + 1} { allOf: [${Array(10).fill(`*l${i}`).join(', ')}] }`)];
    const spec = join(tmp.dir, 'bomb.yaml');
    writeFileSync(spec, `openapi: 3.1.1\n${OK_TAIL}components:\n  schemas:\n${anchors.join('\n')}\n`);
    const started = Date.now();
    const error = await generate({ spec, out: join(tmp.dir, 'out'), cacheDir: false, parallel: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as Error).message).toContain('aliases expand beyond');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports a missing spec file', async () => {
    const error = await generate({ spec: join(tmp.dir, 'absent.yaml'), out: join(tmp.dir, 'out'), cacheDir: false, parallel: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as Error).message).toContain('file not found');
  });

  it('refuses a dangling discriminator mapping from the CLI in one line, without Redocly\'s ✘ lines', async () => {
    const spec = join(tmp.dir, 'mapping.yaml');
    writeFileSync(
      spec,
      `openapi: 3.1.1\n${OK_TAIL}components:\n  schemas:\n    A:\n      oneOf: [{ $ref: '#/components/schemas/B' }]\n      discriminator: { propertyName: k, mapping: { b: '#/components/schemas/Nope' } }\n    B: { type: object }\n`,
    );
    const { code, stderr } = await cli(['generate', '--spec', spec, '--out', join(tmp.dir, 'mapping-out'), '--no-cache']);
    expect(code).toBe(1);
    expect(stderr).toBe('hookspec: mapping.yaml: #/components/schemas/A/discriminator/mapping/b: mapping target "#/components/schemas/Nope" does not exist; fix the reference or add the schema\n');
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
