import { defineEventHandler } from '../../generated/handlers.js';

/** Subscription disabled */
export default defineEventHandler('subscription.disabled', async (event) => {
  // Written once by `hookspec generate` and never overwritten: this handler is yours to fill in.
  void event;
});
