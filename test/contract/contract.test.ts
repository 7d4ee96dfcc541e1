import { randomBytes } from 'node:crypto';
import { defineContractSuite } from '../../generated/contract/suite.js';
import { createContractRunner, type ContractTarget } from '../../src/testing/contract/runner.js';
import { randomSecrets, secretsEnv, secretsFromEnv } from '../../src/testing/signers.js';
import { spawnServer } from '../support/spawn-server.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';

/**
 * The generated contract suite against a real server: by default one this file starts on a temp SQLite
 * database; with HOOKSPEC_CONTRACT_BASE_URL (+ HOOKSPEC_CONTRACT_API_KEY and the receiver secrets) any
 * deployed hookspec. `make contract [BASE_URL=… API_KEY=…]` sets these.
 */
const env = process.env;

async function startOwnServer(): Promise<ContractTarget> {
  const tmp = makeTempDir('hookspec-contract-');
  const secrets = randomSecrets();
  const apiKey = randomBytes(16).toString('hex');
  try {
    const server = await spawnServer({
      DATABASE_URL: sqliteUrl(tmp.dir),
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
        tmp.cleanup();
      },
    };
  } catch (err) {
    tmp.cleanup();
    throw err;
  }
}

const runner = createContractRunner({
  async connect() {
    const baseUrl = env.HOOKSPEC_CONTRACT_BASE_URL;
    if (!baseUrl) return startOwnServer();
    const apiKey = env.HOOKSPEC_CONTRACT_API_KEY ?? env.HOOKSPEC_API_KEY;
    if (!apiKey) throw new Error('HOOKSPEC_CONTRACT_BASE_URL is set but no API key: run make contract BASE_URL=… API_KEY=…');
    return { baseUrl, apiKey, secrets: secretsFromEnv(env) };
  },
  subscriber: {
    // Empty values (from `make contract` without them) mean "not set".
    host: env.HOOKSPEC_CONTRACT_SUBSCRIBER_HOST || undefined,
    port: env.HOOKSPEC_CONTRACT_SUBSCRIBER_PORT ? Number(env.HOOKSPEC_CONTRACT_SUBSCRIBER_PORT) : undefined,
    publicUrl: env.HOOKSPEC_CONTRACT_SUBSCRIBER_URL || undefined,
  },
});

defineContractSuite(runner);
