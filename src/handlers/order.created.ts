import { defineEventHandler } from '../../generated/handlers.js';

/** Order created */
export default defineEventHandler('order.created', async (event) => {
  // Written once by `hookspec generate` and never overwritten: this handler is yours to fill in.
  void event;
});
