import type { OperationHandlers } from '../../generated/operations.js';
import { HttpError } from '../errors/http-error.js';
import { registry } from '../observability/metrics.js';
import { checkReadiness, databaseCheck, migrationsCheck } from '../observability/readiness.js';
import type { ApiContext } from './context.js';

type HealthOperations = Pick<OperationHandlers, 'getHealth' | 'getReadiness' | 'getMetrics'>;

/**
 * The spec's health operations. The ops router (mounted first) answers these paths in the running server;
 * these implementations keep the contract complete and give the same answers.
 */
export function healthOperations(ctx: ApiContext): HealthOperations {
  const checks = [databaseCheck(ctx.store), migrationsCheck(ctx.store)];
  return {
    async getHealth() {
      return { status: 200, body: { status: 'ok' } };
    },
    async getReadiness() {
      const report = await checkReadiness(checks);
      if (!report.ready) throw new HttpError(503, 'not_ready', 'Not ready', { extra: { checks: report.checks } });
      return { status: 200, body: { status: 'ready', checks: report.checks } };
    },
    async getMetrics() {
      return { status: 200, body: await registry.metrics() };
    },
  };
}
