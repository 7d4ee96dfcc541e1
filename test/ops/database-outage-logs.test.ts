import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgres, type TestPostgres } from '../support/postgres.js';
import { spawnServer } from '../support/spawn-server.js';
import { relayTo } from '../support/tcp-relay.js';

const pg: TestPostgres | undefined = await freshPostgres();
afterAll(async () => pg?.drop());

/** The `msg` of every JSON log line so far. */
const messages = (output: string): string[] =>
  output.split('\n').filter((l) => l.startsWith('{')).map((l) => (JSON.parse(l) as { msg: string }).msg);

describe.skipIf(!pg)('logs while the database is out of reach', () => {
  it('one error line per retried loop, not one per poll; the recovery is logged once', async () => {
    const relay = await relayTo(new URL(pg!.url));
    const url = new URL(pg!.url);
    url.port = String(relay.port);
    // The worker claims every 50 ms and the inbound dispatcher polls every 50 ms: 60 tries each in 3 s.
    const server = await spawnServer({
      DATABASE_URL: url.toString(), HOOKSPEC_API_KEY: 'outage-test-key', LOG_LEVEL: 'info',
      HOOKSPEC_POLL_INTERVAL_MS: '50', HOOKSPEC_INBOUND_POLL_MS: '50',
    });
    try {
      await relay.cut();
      await new Promise((r) => setTimeout(r, 3000));
      const during = messages(server.output());
      expect(during.filter((m) => m === 'claiming deliveries failed')).toHaveLength(1);
      expect(during.filter((m) => m === 'polling the inbound log failed')).toHaveLength(1);
      expect(during.filter((m) => /still failing/.test(m))).toHaveLength(0);
      await relay.restore();
      await server.waitForOutput(/"msg":"claiming deliveries works again after \d+ failure\(s\)"/);
      await server.waitForOutput(/"msg":"polling the inbound log works again after \d+ failure\(s\)"/);
    } finally {
      await server.stop('SIGKILL');
      await relay.cut();
    }
  });
});
