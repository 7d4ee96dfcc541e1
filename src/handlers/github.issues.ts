import { defineEventHandler } from '../../generated/handlers.js';

/** GitHub issue activity */
export default defineEventHandler('github.issues', async (event) => {
  // Written once by `hookspec generate` and never overwritten: this handler is yours to fill in.
  void event;
});
