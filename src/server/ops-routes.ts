import { Router } from 'express';
import { consoleRouter } from '../console/routes.js';
import { PROBLEM_CONTENT_TYPE, toProblem } from '../errors/problem.js';
import { checkReadiness, databaseCheck, migrationsCheck, type ReadinessCheck } from '../observability/readiness.js';
import { scrapeMetrics } from './cluster-metrics.js';
import type { AppContext } from './context.js';
import { methodNotAllowed } from './method-not-allowed.js';

export interface OpsRouterOptions {
  /** More readiness conditions (for example the delivery worker), checked after database and migrations. */
  readinessChecks?: ReadinessCheck[];
  /** Serve the web console under `/console` (not on worker-only processes, which have no `/v1`). @default true */
  console?: boolean;
}

/**
 * What operators and orchestrators call: `/healthz`, `/readyz`, `/metrics` (Prometheus text) and the web
 * console under `/console`. Mounted first in the express app. (Request logging wraps the whole server.)
 */
export function createOpsRouter(ctx: AppContext, options: OpsRouterOptions = {}): Router {
  const router = Router({ caseSensitive: true });
  const checks = [databaseCheck(ctx.store), migrationsCheck(ctx.store), ...(options.readinessChecks ?? ctx.readinessChecks ?? [])];

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (req, res) => {
    const report = await checkReadiness(checks);
    if (report.ready) {
      res.json({ status: 'ready', checks: report.checks });
      return;
    }
    const failing = Object.entries(report.checks).filter(([, outcome]) => outcome !== 'ok');
    const detail = `Not ready: ${failing.map(([name, outcome]) => `${name} (${outcome})`).join('; ')}`;
    req.log.warn({ checks: report.checks }, 'not ready');
    const problem = toProblem(503, 'not_ready', detail, { checks: report.checks, instance: req.originalUrl });
    res.status(503).set('retry-after', '5').type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  });

  router.get('/metrics', async (_req, res, next) => {
    try {
      // In a cluster (HOOKSPEC_HTTP_PROCESSES > 1) this is the whole server, aggregated by the primary.
      const { contentType, body } = await scrapeMetrics();
      res.set('content-type', contentType).send(body);
    } catch (err) {
      next(err);
    }
  });

  // A PUT or POST to a probe is a wrong method, not a missing route.
  router.all(['/healthz', '/readyz', '/metrics'], methodNotAllowed('GET, HEAD'));
  if (options.console !== false) router.use('/console', consoleRouter());
  return router;
}
