import { basename, resolve } from 'node:path';

/** Options of one generator run, as given by the CLI or a caller of `generate()`. */
export interface GenerateOptions {
  /** The OpenAPI 3.1 document (YAML or JSON). */
  spec: string;
  /** Directory the generated modules are written to. */
  out: string;
  /** Compare instead of writing; fails naming each drifting file. @default false */
  check?: boolean;
  /** Directory for handler scaffolds (written only where missing); off when not given. @default undefined */
  handlers?: string;
  /** Content-hash cache directory; `false` turns caching off. @default 'node_modules/.cache/hookspec' */
  cacheDir?: string | false;
  /** Compile the types in a worker thread while validators compile on the main one. @default true */
  parallel?: boolean;
  /** Working directory that relative paths are resolved against. @default process.cwd() */
  cwd?: string;
}

/** Every option defaulted once and resolved to absolute paths; passed down to every stage. */
export interface Context {
  specPath: string;
  specName: string;
  outDir: string;
  check: boolean;
  handlersDir: string | undefined;
  cacheDir: string | undefined;
  parallel: boolean;
  /** First line of every generated code file. */
  header: string;
}

export const DEFAULT_CACHE_DIR = 'node_modules/.cache/hookspec';

/** Applies the defaults; nothing below this reads raw options. */
export function createContext(options: GenerateOptions): Context {
  const cwd = options.cwd ?? process.cwd();
  const specPath = resolve(cwd, options.spec);
  const specName = basename(specPath);
  const cacheDir = options.cacheDir === false ? undefined : resolve(cwd, options.cacheDir ?? DEFAULT_CACHE_DIR);
  return {
    specPath,
    specName,
    outDir: resolve(cwd, options.out),
    check: options.check ?? false,
    handlersDir: options.handlers === undefined ? undefined : resolve(cwd, options.handlers),
    cacheDir,
    parallel: options.parallel ?? true,
    header: `// generated from ${specName}; do not edit`,
  };
}
