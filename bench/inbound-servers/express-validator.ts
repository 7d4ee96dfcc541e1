// Peer (c), the naive stack: express 5 + express.json (raw body kept for the HMAC) + express-openapi-validator
// validating the request body against the same GithubPushPayload schema hookspec uses.
import express from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

const bundled = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8'));
const apiSpec = {
  openapi: '3.1.0',
  info: { title: 'bench', version: '1' },
  paths: {
    '/webhooks/github': {
      post: {
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/GithubPushPayload' } } } },
        responses: { '200': { description: 'ok' } },
      },
    },
  },
  components: { schemas: bundled.components.schemas },
};

const secret = process.env.GITHUB_WEBHOOK_SECRET!;
const app = express();
app.use(express.json({ limit: '5mb', verify: (req, _res, buf) => ((req as unknown as { rawBody: Buffer }).rawBody = buf) }));
app.use(OpenApiValidator.middleware({ apiSpec: apiSpec as never, validateRequests: true, validateResponses: false }));
app.post('/webhooks/github', (req, res) => {
  const raw = (req as unknown as { rawBody: Buffer }).rawBody;
  const given = Buffer.from(String(req.headers['x-hub-signature-256'] ?? '').slice(7), 'hex');
  const expected = createHmac('sha256', secret).update(raw).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    res.status(401).end();
    return;
  }
  res.json({ ok: true });
});
app.use(((err, _req, res, _next) => {
  res.status((err as { status?: number }).status ?? 500).json({ message: (err as Error).message });
}) as express.ErrorRequestHandler);
app.listen(Number(process.env.PORT), '127.0.0.1');
