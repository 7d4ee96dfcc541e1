import { operationRoutes, type OperationHandlers } from '../../generated/operations.js';
import { HttpError } from '../errors/http-error.js';
import { logger } from '../observability/logger.js';

/**
 * Gives every operation of the spec that `handlers` lacks a handler answering 501 problem+json, and names them
 * in one warning. The type of `createOperationHandlers` already makes a missing one a compile error (`make
 * typecheck`); this is for `make run`, which compiles without type-checking: a new path in openapi.yaml that
 * nobody implemented yet answers 501 instead of keeping the whole server, receivers included, from starting.
 */
export function withNotImplemented(handlers: Partial<OperationHandlers>): OperationHandlers {
  const complete: Record<string, unknown> = { ...handlers };
  const missing = operationRoutes.filter((route) => typeof complete[route.operationId] !== 'function');
  for (const route of missing) {
    const detail = `${route.method.toUpperCase()} ${route.path} (operation ${route.operationId}) is declared in the API description but not implemented by this server`;
    complete[route.operationId] = async () => {
      throw new HttpError(501, 'not_implemented', detail);
    };
  }
  if (missing.length > 0) {
    logger.warn(
      { operations: missing.map((r) => r.operationId) },
      `operations without an implementation answer 501: ${missing.map((r) => `${r.operationId} (${r.method.toUpperCase()} ${r.path})`).join(', ')}; add each to a module that createOperationHandlers spreads in src/api/index.ts`,
    );
  }
  return complete as unknown as OperationHandlers;
}
