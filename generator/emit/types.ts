import { Worker } from 'node:worker_threads';

/** Runs openapi-typescript on the spec text in a CommonJS worker script (no TypeScript loader needed there). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.moduleUrl)
  .then(async (ots) => {
    const ast = await ots.default(workerData.text, workerData.options);
    parentPort.postMessage({ ok: true, code: ots.astToString(ast) });
  })
  .catch((err) => parentPort.postMessage({ ok: false, message: String((err && err.message) || err) }));
`;

/**
 * Options every types run uses, so worker and in-thread runs give the same bytes. Free-form objects
 * (`type: object` without properties) accept any member, so they are typed as unknown, not never.
 */
const OPENAPI_TS_OPTIONS = { silent: true, emptyObjectsUnknown: true } as const;

/** A running types job. */
export interface TypesJob {
  /** `types.ts`; rejects when openapi-typescript fails. */
  result: Promise<string>;
  /** Stops the worker (the spec turned out to be invalid). */
  cancel(): void;
}

/**
 * `types.ts` from openapi-typescript's Node API (`paths`, `webhooks`, `components`, `operations`).
 * With `parallel`, it runs in a worker thread so the validators can compile on the main thread meanwhile.
 */
export function startTypes(text: string, header: string, parallel: boolean): TypesJob {
  if (!parallel) {
    let cancelled = false;
    const result = Promise.resolve().then(async () => (cancelled ? '' : `${header}\n\n${await inThread(text)}`));
    result.catch(() => undefined);
    return { result, cancel: () => (cancelled = true) };
  }
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { moduleUrl: import.meta.resolve('openapi-typescript'), text, options: OPENAPI_TS_OPTIONS } });
  const result = new Promise<string>((resolve, reject) => {
    worker.once('message', (message: { ok: true; code: string } | { ok: false; message: string }) => {
      void worker.terminate();
      if (message.ok) resolve(`${header}\n\n${message.code}`);
      else reject(new Error(`openapi-typescript failed: ${message.message}`));
    });
    worker.once('error', (err) => reject(new Error(`openapi-typescript worker failed: ${err.message}`)));
  });
  // Handled by whoever awaits it; this only keeps an early rejection from being reported as unhandled.
  result.catch(() => undefined);
  return { result, cancel: () => void worker.terminate() };
}

async function inThread(text: string): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  try {
    return astToString(await openapiTS(text, OPENAPI_TS_OPTIONS));
  } catch (err) {
    throw new Error(`openapi-typescript failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
