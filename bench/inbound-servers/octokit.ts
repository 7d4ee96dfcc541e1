// Peer (b): @octokit/webhooks createNodeMiddleware (verifies, parses, emits; validates no schema, stores nothing).
import { Webhooks, createNodeMiddleware } from '@octokit/webhooks';
import { createServer } from 'node:http';

const webhooks = new Webhooks({ secret: process.env.GITHUB_WEBHOOK_SECRET! });
webhooks.on('push', () => {});
createServer(createNodeMiddleware(webhooks, { path: '/webhooks/github' })).listen(Number(process.env.PORT), '127.0.0.1');
