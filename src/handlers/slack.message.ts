import { defineEventHandler } from '../../generated/handlers.js';

/** Slack message */
export default defineEventHandler('slack.message', async (event) => {
  // Written once by `hookspec generate` and never overwritten: this handler is yours to fill in.
  void event;
});
