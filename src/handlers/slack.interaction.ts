import { defineEventHandler } from '../../generated/handlers.js';

/** Slack interaction */
export default defineEventHandler('slack.interaction', async (event) => {
  // Written once by `hookspec generate` and never overwritten: this handler is yours to fill in.
  void event;
});
