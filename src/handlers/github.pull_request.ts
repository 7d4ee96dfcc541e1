import { defineEventHandler } from '../../generated/handlers.js';

/** GitHub pull request activity */
export default defineEventHandler('github.pull_request', async (event) => {
  // Written once by `hookspec generate` and never overwritten: this handler is yours to fill in.
  void event;
});
