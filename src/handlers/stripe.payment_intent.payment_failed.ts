import { defineEventHandler } from '../../generated/handlers.js';

/** Stripe payment intent failed */
export default defineEventHandler('stripe.payment_intent.payment_failed', async (event) => {
  // Written once by `hookspec generate` and never overwritten: this handler is yours to fill in.
  void event;
});
