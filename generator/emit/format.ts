/** Fixed prettier options (not the repo's config), so output does not depend on where the generator runs. */
const PRETTIER_OPTIONS = { parser: 'typescript', printWidth: 120, singleQuote: true, trailingComma: 'all' } as const;

/** Formats templated TypeScript with prettier; loaded lazily so a cached run never pays for it. */
export async function formatTypeScript(code: string): Promise<string> {
  const prettier = await import('prettier');
  return prettier.format(code, PRETTIER_OPTIONS);
}
