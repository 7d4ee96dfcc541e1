import { defineEventHandler } from '../../generated/handlers.js';

/** GitHub push */
export default defineEventHandler('github.push', async (event) => {
  // Written once by `hookspec generate` and never overwritten: this handler is yours to fill in.
  void event;
});
