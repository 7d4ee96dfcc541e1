import { defineEventHandler } from '../../generated/handlers.js';

/** Stripe payment intent succeeded */
export default defineEventHandler('stripe.payment_intent.succeeded', async (event) => {
  // Written once by `hookspec generate` and never overwritten: this handler is yours to fill in.
  void event;
});
