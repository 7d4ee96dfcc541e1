import type { OutboundConfig } from '../config/outbound.js';
import type { AttemptKind, AttemptOutcome, ClaimedDelivery } from '../store/outbound-store.js';
import { clamp, parseRetryAfter, scheduledDelay } from './schedule.js';
import type { HttpAttempt } from './send.js';

/**
 * Turns one HTTP attempt into what the store records: 2xx delivered; 410 final and the subscription disabled;
 * 429/503 retried after the clamped `Retry-After`; 3xx (never followed) and everything else retried on the
 * schedule; dead once the schedule is exhausted.
 */
export function decideOutcome(
  claimed: ClaimedDelivery,
  http: HttpAttempt,
  startedAt: Date,
  finishedAt: Date,
  config: OutboundConfig,
  random: () => number = Math.random,
): AttemptOutcome {
  const status = http.status;
  if (status !== null && status >= 200 && status < 300) {
    // The common case, built in one literal (no spread of a base object).
    return {
      delivery_id: claimed.id,
      owner: claimed.lease_owner,
      attempt: claimed.attempt,
      subscription_id: claimed.subscription.id,
      started_at: startedAt,
      finished_at: finishedAt,
      latency_ms: http.latencyMs,
      response_status: status,
      response_body: http.body,
      result: 'delivered',
      next_attempt_at: null,
      error: null,
      kind: 'succeeded',
    };
  }
  const base = {
    delivery_id: claimed.id,
    owner: claimed.lease_owner,
    attempt: claimed.attempt,
    subscription_id: claimed.subscription.id,
    started_at: startedAt,
    finished_at: finishedAt,
    latency_ms: http.latencyMs,
    response_status: http.status,
    response_body: http.body,
  };
  if (status === 410) {
    return { ...base, result: 'failed', next_attempt_at: null, error: 'subscriber answered 410 Gone', kind: 'gone', disable_reason: 'gone' };
  }
  const error = http.error ?? (status !== null && status >= 300 && status < 400 ? `redirect to ${http.location ?? '(no location)'} not followed` : `HTTP ${status}`);
  const kind: AttemptKind = http.errorKind === 'timeout' ? 'timeout' : http.errorKind ? 'network_error' : status === 429 || status === 503 ? 'rate_limited' : 'failed';
  const scheduled = scheduledDelay(config.retrySchedule, claimed.schedule_attempt + 1, config.retryJitter, random);
  const disableBefore = new Date(finishedAt.getTime() - config.disableAfterMs);
  if (scheduled === undefined) {
    return { ...base, result: 'dead', next_attempt_at: null, error, kind, disable_if_failing_since_before: disableBefore };
  }
  const retryAfter = status === 429 || status === 503 ? parseRetryAfter(http.retryAfter, finishedAt) : undefined;
  const delay = retryAfter === undefined ? scheduled : clamp(retryAfter, config.retryAfterMinMs, config.retryAfterMaxMs);
  return {
    ...base,
    result: 'retry',
    next_attempt_at: new Date(finishedAt.getTime() + delay),
    error,
    kind,
    disable_if_failing_since_before: disableBefore,
  };
}
