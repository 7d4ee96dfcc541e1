import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { makeDirectories } from '../src/fs/make-directories.js';
import { dirname, join } from 'node:path';
import type { Context } from './context.js';
import { generatorVersion } from './version.js';

/** What a cached run knows: the hash of every output file, and the scaffolds that were due. */
export interface CacheManifest {
  files: Record<string, string>;
  scaffolds: Record<string, string>;
  /** Other files a multi-file spec pulled in, with their hashes: any change makes the entry stale. */
  dependencies?: Record<string, string>;
}

/** Cache entries kept; older ones are removed so the directory stays small. */
const KEEP_ENTRIES = 8;

/** sha256 of a file's content; outputs are compared by hash, never by mtime. */
export function contentHash(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Hash of each file (empty content when it vanished), for a manifest's `dependencies`. */
export function hashFiles(paths: string[]): Record<string, string> {
  return Object.fromEntries(
    paths.map((path) => {
      try {
        return [path, contentHash(readFileSync(path))];
      } catch {
        return [path, contentHash('')];
      }
    }),
  );
}

/** True when every dependency still has the hash recorded in the manifest. */
export function dependenciesUnchanged(manifest: CacheManifest): boolean {
  const recorded = manifest.dependencies ?? {};
  const current = hashFiles(Object.keys(recorded));
  return Object.keys(recorded).every((path) => current[path] === recorded[path]);
}

/** Cache key: spec bytes, generator version and every option that changes the output. */
export function cacheKey(ctx: Context, specText: string): string {
  return contentHash(JSON.stringify([generatorVersion(), ctx.specName, ctx.outDir, ctx.handlersDir ?? null]) + '\0' + specText);
}

/** The manifest of a cached result, or undefined on a miss (the cache only ever accelerates). */
export function readManifest(ctx: Context, key: string): CacheManifest | undefined {
  if (!ctx.cacheDir) return undefined;
  try {
    return JSON.parse(readFileSync(join(ctx.cacheDir, key, 'manifest.json'), 'utf8')) as CacheManifest;
  } catch {
    return undefined;
  }
}

/** One cached output file, or undefined when it went missing. */
export function readCachedFile(ctx: Context, key: string, name: string): string | undefined {
  if (!ctx.cacheDir) return undefined;
  try {
    return readFileSync(join(ctx.cacheDir, key, name), 'utf8');
  } catch {
    return undefined;
  }
}

/** Stores a result; the manifest is renamed into place last, so a reader never sees half an entry. */
export function writeCache(ctx: Context, key: string, files: Map<string, string>, scaffolds: Map<string, string>, dependencies: string[] = []): void {
  if (!ctx.cacheDir) return;
  try {
    const dir = join(ctx.cacheDir, key);
    makeDirectories(dir);
    const manifest: CacheManifest = { files: {}, scaffolds: Object.fromEntries(scaffolds), dependencies: hashFiles(dependencies) };
    for (const [name, content] of files) {
      // Names may hold a subdirectory (`contract/cases.ts`).
      makeDirectories(dirname(join(dir, name)));
      writeFileSync(join(dir, name), content);
      manifest.files[name] = contentHash(content);
    }
    const temp = join(dir, `manifest.${process.pid}.tmp`);
    writeFileSync(temp, JSON.stringify(manifest));
    renameSync(temp, join(dir, 'manifest.json'));
    prune(ctx.cacheDir);
  } catch {
    // A read-only or full disk only costs the next run its speed.
  }
}

function prune(cacheDir: string): void {
  const entries = readdirSync(cacheDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ path: join(cacheDir, e.name), mtime: statSync(join(cacheDir, e.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const stale of entries.slice(KEEP_ENTRIES)) rmSync(stale.path, { recursive: true, force: true });
}
