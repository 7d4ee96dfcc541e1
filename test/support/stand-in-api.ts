import express, { Router } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { bindOperations, type OperationHandlers } from '../../generated/operations.js';
import { HttpError } from '../../src/errors/http-error.js';
import { problemFromError } from '../../src/errors/problem.js';

const OPENAPI_FILE = fileURLToPath(new URL('../../generated/openapi.json', import.meta.url));

export interface StandInApi {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * A loopback server for the contract runner to test against: the generated routes bound to `implemented`, every
 * other operation answering 501. Lets a test make a server deliberately wrong in one place.
 */
export async function startStandInApi(implemented: (name: string) => ((...args: never[]) => Promise<unknown>) | undefined): Promise<StandInApi> {
  const notHere = (name: string) => async () => {
    throw new HttpError(501, 'not_implemented', `${name} is not part of this test`);
  };
  const handlers = new Proxy({}, { get: (_t, name: string) => implemented(name) ?? notHere(name) }) as OperationHandlers;
  const app = express();
  // The contract runner first checks that its target serves this API.
  app.get('/openapi.json', (_req, res) => void res.sendFile(OPENAPI_FILE));
  app.use(express.json());
  const router = Router();
  bindOperations(router, handlers);
  app.use(router);
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const problem = problemFromError(err);
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
