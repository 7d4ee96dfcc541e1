import { join, relative } from 'node:path';
import type { Context } from '../context.js';
import type { SpecModel } from '../model/types.js';
import { render } from './templates.js';

/** File name of a webhook's handler: the name itself where it is safe in a path. */
export function scaffoldFileName(name: string): string {
  return `${name.replace(/[^A-Za-z0-9._-]/g, '-')}.ts`;
}

/** Handler stubs by absolute path, one per webhook; the writer creates only the missing ones. */
export function emitScaffolds(model: SpecModel, ctx: Context): Map<string, string> {
  const files = new Map<string, string>();
  if (!ctx.handlersDir) return files;
  let importPath = relative(ctx.handlersDir, join(ctx.outDir, 'handlers.js')).split('\\').join('/');
  if (!importPath.startsWith('.')) importPath = `./${importPath}`;
  for (const webhook of model.webhooks) {
    const file = join(ctx.handlersDir, scaffoldFileName(webhook.name));
    const doc = webhook.operation.summary || `Handles ${webhook.name}.`;
    files.set(file, render('handler-scaffold.ts', { importPath, name: webhook.name, doc }));
  }
  return files;
}
