import { defineEventHandler } from '../../generated/handlers.js';

/** Delivery exhausted */
export default defineEventHandler('delivery.exhausted', async (event) => {
  // Written once by `hookspec generate` and never overwritten: this handler is yours to fill in.
  void event;
});
