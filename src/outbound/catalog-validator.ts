import { validateWebhook, webhookNames } from '../../generated/validators.js';
import type { EventValidator } from './publish.js';

/**
 * The publish-time check, backed by the validators `make generate` compiled from the `webhooks` section.
 * They validate the whole `{ type, timestamp, data }` envelope, so error pointers read `/data/…`, which is
 * also where the value sits in the `POST /v1/events` body.
 */
export function catalogValidator(): EventValidator {
  const types = [...webhookNames];
  return {
    types,
    validate(type, data) {
      return validateWebhook(type, { type, timestamp: new Date().toISOString(), data });
    },
  };
}
