import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO } from './helpers.js';

/** The options the templates are written for; the generator itself runs no formatter (it costs seconds on big documents). */
const PRETTIER = { parser: 'typescript', printWidth: 120, singleQuote: true, trailingComma: 'all' } as const;

/** Templated TypeScript files (types.ts is openapi-typescript's own printer output). */
const FILES = [
  ...['aliases.ts', 'operations.ts', 'handlers.ts', 'client.ts', 'webhooks.ts', 'validators.d.cts', 'validators.d.ts'].map((f) => join(REPO, 'generated', f)),
  ...['aliases.ts', 'operations.ts', 'webhooks.ts', 'validators.d.cts'].map((f) => join(FIXTURES, 'mini.golden', f)),
];

describe('templates emit formatted code', () => {
  it.each(FILES.map((f) => [f.slice(REPO.length + 1), f]))('%s is already prettier-formatted', async (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(await format(text, PRETTIER)).toBe(text);
  });
});
