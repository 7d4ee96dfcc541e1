import { pino, type Logger } from 'pino';

/** Header and field names whose values are never written to a log line. */
const REDACTED_PATHS = [
  'secret', '*.secret', 'secrets', '*.secrets', 'apiKey', '*.apiKey',
  'headers.authorization', 'headers["x-hub-signature-256"]', 'headers["stripe-signature"]',
  'headers["x-slack-signature"]', 'headers["webhook-signature"]',
];

/** pino's levels, quietest last; `LOG_LEVEL` must name one (checked with the rest of the configuration). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** `LOG_LEVEL`, lower-cased, if it names a level: pino would throw at import on anything else, before a clear error could be said. */
export function logLevelOf(raw: string | undefined): string | undefined {
  const level = raw?.toLowerCase();
  return level && (LOG_LEVELS as readonly string[]).includes(level) ? level : undefined;
}

/** One JSON logger for the process; `LOG_LEVEL=silent` in tests keeps output clean. */
export const logger: Logger = pino({
  level: logLevelOf(process.env.LOG_LEVEL) ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { service: 'hookspec' },
  redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
});

export type { Logger };
