import { defineEventHandler } from '../../generated/handlers.js';

/** Slack slash command */
export default defineEventHandler('slack.command', async (event) => {
  // Written once by `hookspec generate` and never overwritten: this handler is yours to fill in.
  void event;
});
