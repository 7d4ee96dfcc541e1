import { appendFileSync } from 'node:fs';
import { defineEventHandler } from '../../../generated/handlers.js';

/** Test handler for the inbound dedupe test: one line per run, so runs can be counted across API processes. */
export default defineEventHandler('github.push', async (event) => {
  appendFileSync(process.env.SCALE_HANDLER_LOG!, `${process.pid} ${event.data.after}\n`);
});
