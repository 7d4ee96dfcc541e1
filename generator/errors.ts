/** One problem found in a spec, located by file and line or by JSON pointer. */
export interface SpecProblem {
  /** Where: a JSON pointer (`#/paths/~1x/post`) or `line N, column M`. */
  where: string;
  /** What is wrong and what to do about it. */
  message: string;
}

/** A spec the generator cannot use; the CLI prints its message and exits non-zero without a stack trace. */
export class SpecError extends Error {
  readonly file: string;
  readonly problems: SpecProblem[];

  constructor(file: string, problems: SpecProblem[]) {
    super(formatProblems(file, problems));
    this.name = 'SpecError';
    this.file = file;
    this.problems = problems;
  }
}

/** Generated files differ from what the spec produces (`--check`). */
export class DriftError extends Error {
  readonly files: string[];

  constructor(files: string[]) {
    super(`generated code is out of date; run \`make generate\` and commit:\n${files.map((f) => `  ${f}`).join('\n')}`);
    this.name = 'DriftError';
    this.files = files;
  }
}

/** Shows at most this many problems so a badly broken spec still gives a readable message. */
const MAX_SHOWN = 20;

function formatProblems(file: string, problems: SpecProblem[]): string {
  const shown = problems.slice(0, MAX_SHOWN).map((p) => `${file}: ${p.where}: ${p.message}`);
  const more = problems.length > MAX_SHOWN ? [`… and ${problems.length - MAX_SHOWN} more`] : [];
  return [...shown, ...more].join('\n');
}
