import { defineEventHandler } from '../../generated/handlers.js';

/** Stripe charge failed */
export default defineEventHandler('stripe.charge.failed', async (event) => {
  // Written once by `hookspec generate` and never overwritten: this handler is yours to fill in.
  void event;
});
