import { defineEventHandler } from '../../generated/handlers.js';

/** Stripe charge succeeded */
export default defineEventHandler('stripe.charge.succeeded', async (event) => {
  // Written once by `hookspec generate` and never overwritten: this handler is yours to fill in.
  void event;
});
