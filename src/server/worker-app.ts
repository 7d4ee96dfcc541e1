import express, { type ErrorRequestHandler, type Express } from 'express';
import { HttpError } from '../errors/http-error.js';
import { PROBLEM_CONTENT_TYPE, problemFromError } from '../errors/problem.js';
import type { AppContext } from './context.js';
import { createOpsRouter } from './ops-routes.js';

/**
 * The HTTP side of a worker-only process (`--role worker`): `/healthz`, `/readyz` and `/metrics` for the
 * orchestrator, nothing else; receivers and `/v1` live on the API nodes.
 */
export function createWorkerApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(createOpsRouter(ctx, { console: false }));
  app.use((req, _res, next) =>
    next(new HttpError(404, 'not_found', `This process only delivers webhooks (role worker); ${req.method} ${req.path} is served by API nodes`)),
  );
  app.use(problemHandler);
  return app;
}

const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const problem = problemFromError(err);
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify({ ...problem, instance: req.originalUrl }));
};
