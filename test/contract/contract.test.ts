import { defineContractSuite } from '../../generated/contract/suite.js';
import { createContractRunner } from '../../src/testing/contract/runner.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { deployedTarget, startOwnServer, subscriberOptions } from './own-server.js';

/**
 * The generated contract suite against a real server: by default one started here on a temp SQLite
 * database; with HOOKSPEC_CONTRACT_BASE_URL (+ HOOKSPEC_CONTRACT_API_KEY and the receiver secrets) any
 * deployed hookspec. `make contract [BASE_URL=… API_KEY=…]` sets these.
 */
const runner = createContractRunner({
  async connect() {
    const deployed = deployedTarget();
    if (deployed) return deployed;
    const tmp = makeTempDir('hookspec-contract-');
    return startOwnServer({ url: sqliteUrl(tmp.dir), drop: tmp.cleanup });
  },
  subscriber: subscriberOptions(),
});

defineContractSuite(runner);
