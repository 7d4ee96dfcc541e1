import { join, relative } from 'node:path';
import { displayPath } from '../display-path.js';
import { HANDLER_NAME } from '../../src/inbound/dispatch/handler-files.js';
import type { Context } from '../context.js';
import { SpecError, type SpecProblem } from '../errors.js';
import type { SpecModel } from '../model/types.js';
import { render } from './templates.js';

/** File name of a webhook's handler: the name itself, which is how the dispatcher finds it. */
export function scaffoldFileName(name: string): string {
  return `${name}.ts`;
}

/** Handler stubs by absolute path, one per webhook; the writer creates only the missing ones. */
export function emitScaffolds(model: SpecModel, ctx: Context): Map<string, string> {
  const files = new Map<string, string>();
  if (!ctx.handlersDir) return files;
  checkHandlerNames(model, ctx);
  let importPath = relative(ctx.handlersDir, join(ctx.outDir, 'handlers.js')).split('\\').join('/');
  if (!importPath.startsWith('.')) importPath = `./${importPath}`;
  for (const webhook of model.webhooks) {
    const file = join(ctx.handlersDir, scaffoldFileName(webhook.name));
    const doc = webhook.operation.summary || `Handles ${webhook.name}.`;
    files.set(file, render('handler-scaffold.ts', { importPath, name: webhook.name, doc }));
  }
  return files;
}

/**
 * Every webhook needs a handler file of its own that the dispatcher can find: a name outside HANDLER_NAME got a stub
 * nothing loads, and two names equal but for case share one file where the file system ignores case (macOS, Windows).
 */
function checkHandlerNames(model: SpecModel, ctx: Context): void {
  const problems: SpecProblem[] = [];
  const byFile = new Map<string, string>();
  for (const { name } of model.webhooks) {
    const where = `#/webhooks/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!HANDLER_NAME.test(name)) {
      problems.push({ where, message: `"${name}" cannot name a handler file (--handlers): use letters, digits, ".", "_" and "-" only` });
      continue;
    }
    const other = byFile.get(name.toLowerCase());
    if (other !== undefined) problems.push({ where, message: `"${name}" and "${other}" differ only in case, so their handler files collide on case-insensitive file systems; rename one` });
    else byFile.set(name.toLowerCase(), name);
  }
  if (problems.length > 0) throw new SpecError(displayPath(ctx.specPath), problems);
}
