import { defineEventHandler } from '../../generated/handlers.js';

/** Connectivity test */
export default defineEventHandler('ping', async (event) => {
  // Written once by `hookspec generate` and never overwritten: this handler is yours to fill in.
  void event;
});
