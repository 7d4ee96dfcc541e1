import { dirname, relative } from 'node:path';
import { SpecError } from '../errors.js';

/** A `$ref` whose value does not start with `#` (another file or a URL), in YAML or JSON spelling. */
const EXTERNAL_REF = /["']?\$ref["']?\s*:\s*["']?(?!#)[^\s"'#,}]/;

/** Cheap text scan: only documents that may reference other files pay for bundling. */
export function mayHaveExternalRefs(text: string): boolean {
  return EXTERNAL_REF.test(text);
}

/** A multi-file document bundled into one: external targets moved under `components`, refs rewritten. */
export interface BundledSpec {
  doc: unknown;
  text: string;
  /** Every other file the document pulled in (absolute paths), so a cached result can be checked against them. */
  dependencies: string[];
}

/**
 * Bundles external `$ref`s with Redocly's bundler (the one openapi-typescript uses), without linting.
 * Unresolvable references become one spec error naming the file and pointer.
 */
export async function bundleSpec(specPath: string, specName: string): Promise<BundledSpec> {
  const { bundle, createConfig } = await import('@redocly/openapi-core');
  const config = await createConfig({ rules: {} }, {});
  const result = await bundle({ ref: specPath, config, dereference: false });
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const base = dirname(specPath);
    throw new SpecError(
      specName,
      errors.map((p) => {
        const location = p.location[0];
        const file = location ? relative(base, location.source.absoluteRef) : '';
        const where = `${file && file !== specName ? `${file} ` : ''}#${location?.pointer?.replace(/^#/, '') ?? ''}`;
        return { where, message: `${p.message}; fix the reference or the referenced file` };
      }),
    );
  }
  const doc = result.bundle.parsed as unknown;
  const dependencies = [...result.fileDependencies].filter((f) => f !== specPath).sort();
  return { doc, text: JSON.stringify(doc), dependencies };
}
