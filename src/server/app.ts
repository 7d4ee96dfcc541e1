import express, { type ErrorRequestHandler, type Express } from 'express';
import { HttpError } from '../errors/http-error.js';
import { PROBLEM_CONTENT_TYPE, problemFromError, toProblem } from '../errors/problem.js';
import { logger } from '../observability/logger.js';
import type { AppContext } from './context.js';
import { createOpsRouter } from './ops-routes.js';

/** The express app for everything that is not a receiver: management API, docs, health. */
export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');

  app.use(createOpsRouter(ctx));

  app.use((req, _res, next) => next(new HttpError(404, 'not_found', `No route for ${req.method} ${req.path}`)));
  app.use(problemHandler);
  return app;
}

/** Every error leaves as RFC 9457 problem+json; validator errors keep their status and list each failure. */
const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const problem = problemFromError(err);
  if (problem.status >= 500) logger.error({ err, path: req.path }, 'request failed');
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify({ ...problem, instance: req.originalUrl }));
};

export { toProblem };
