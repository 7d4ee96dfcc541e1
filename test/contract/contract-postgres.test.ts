import { describe, it } from 'vitest';
import { defineContractSuite } from '../../generated/contract/suite.js';
import { createContractRunner } from '../../src/testing/contract/runner.js';
import { freshPostgres, postgresBaseUrl } from '../support/postgres.js';
import { startOwnServer, subscriberOptions } from './own-server.js';

/** The same generated suite against a server on PostgreSQL (a schema of its own): the contract holds on both stores. */
if (postgresBaseUrl() && !process.env.HOOKSPEC_CONTRACT_BASE_URL) {
  defineContractSuite(
    createContractRunner({
      async connect() {
        const db = await freshPostgres();
        if (!db) throw new Error('PostgreSQL went away after the global setup found it');
        return startOwnServer({ url: db.url, drop: () => db.drop() });
      },
      subscriber: subscriberOptions(),
    }),
  );
} else {
  describe.skip('contract suite on PostgreSQL', () => {
    it('needs a reachable PostgreSQL (and no HOOKSPEC_CONTRACT_BASE_URL)', () => undefined);
  });
}
