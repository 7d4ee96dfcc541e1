import { randomBytes } from 'node:crypto';
import type { ContractTarget } from '../../src/testing/contract/runner.js';
import { randomSecrets, secretsEnv, secretsFromEnv } from '../../src/testing/signers.js';
import { spawnServer } from '../support/spawn-server.js';

/** A database for one run: its `DATABASE_URL` and how to remove it. */
export interface RunDatabase {
  url: string;
  drop(): Promise<void> | void;
}

/** Starts `src/main.ts` on `database` with fresh secrets and API key; `close` stops it and drops the database. */
export async function startOwnServer(database: RunDatabase): Promise<ContractTarget> {
  const secrets = randomSecrets();
  const apiKey = randomBytes(16).toString('hex');
  try {
    const server = await spawnServer({
      DATABASE_URL: database.url,
      HOOKSPEC_API_KEY: apiKey,
      // The loopback subscriber is a private address; a deployed server keeps refusing those.
      HOOKSPEC_ALLOW_PRIVATE_NETWORKS: 'true',
      // The negative cases fail verification on purpose; they must not trip the flood guard.
      HOOKSPEC_INBOUND_FLOOD_THRESHOLD: '100000',
      ...secretsEnv(secrets),
    });
    return {
      baseUrl: server.url,
      apiKey,
      secrets,
      async close() {
        await server.stop();
        await database.drop();
      },
    };
  } catch (err) {
    await database.drop();
    throw err;
  }
}

/** The server named by `HOOKSPEC_CONTRACT_BASE_URL` (`make contract BASE_URL=… API_KEY=…`), or undefined. */
export function deployedTarget(env: NodeJS.ProcessEnv = process.env): ContractTarget | undefined {
  const baseUrl = env.HOOKSPEC_CONTRACT_BASE_URL;
  if (!baseUrl) return undefined;
  const apiKey = env.HOOKSPEC_CONTRACT_API_KEY || env.HOOKSPEC_API_KEY;
  if (!apiKey) throw new Error('HOOKSPEC_CONTRACT_BASE_URL is set but no API key: run make contract BASE_URL=… API_KEY=…');
  return { baseUrl, apiKey, secrets: secretsFromEnv(env) };
}

/** Where the loopback subscriber listens and how a deployed server reaches it; empty values mean "not set". */
export function subscriberOptions(env: NodeJS.ProcessEnv = process.env): { host?: string; port?: number; publicUrl?: string } {
  return {
    host: env.HOOKSPEC_CONTRACT_SUBSCRIBER_HOST || undefined,
    port: env.HOOKSPEC_CONTRACT_SUBSCRIBER_PORT ? Number(env.HOOKSPEC_CONTRACT_SUBSCRIBER_PORT) : undefined,
    publicUrl: env.HOOKSPEC_CONTRACT_SUBSCRIBER_URL || undefined,
  };
}
