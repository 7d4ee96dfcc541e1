import { pino, type Logger } from 'pino';

/** Header and field names whose values are never written to a log line. */
const REDACTED_PATHS = [
  'secret', '*.secret', 'secrets', '*.secrets', 'apiKey', '*.apiKey',
  'headers.authorization', 'headers["x-hub-signature-256"]', 'headers["stripe-signature"]',
  'headers["x-slack-signature"]', 'headers["webhook-signature"]',
];

/** One JSON logger for the process; `LOG_LEVEL=silent` in tests keeps output clean. */
export const logger: Logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { service: 'hookspec' },
  redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
});

export type { Logger };
