import { Gauge } from 'prom-client';
import { freeBytes } from './disk-space.js';
import { logger } from './logger.js';
import { registry } from './metrics.js';

/** The directory the gauge reads: that of the last SQLite server started in this process (tests start many). */
let directory: string | undefined;

const NAME = 'hookspec_database_disk_free_bytes';

/**
 * Bytes free (to this process's user) on the disk of the SQLite database file, read on scrape. A full disk makes every
 * receiver answer 503; this is what lets an alert say so hours before (`deploy/alerts.yml`).
 */
export function exposeDiskGauge(dir: string): () => void {
  directory = dir;
  if (!registry.getSingleMetric(NAME)) {
    new Gauge({
      name: NAME,
      help: 'Bytes free on the disk of the SQLite database file (SQLite only)',
      registers: [registry],
      // The processes of a cluster share the one disk: its free space is the same number, not a sum.
      aggregator: 'max',
      async collect() {
        if (!directory) return;
        try {
          this.set(await freeBytes(directory));
        } catch (err) {
          // Unknown, not the last value or 0: NaN compares false, so no alert fires on a reading that did not happen.
          this.set(Number.NaN);
          logger.warn({ err }, 'reading the free space of the database disk for /metrics failed');
        }
      },
    });
  }
  return () => {
    if (directory !== dir) return;
    directory = undefined;
    // Gone, not 0: a server started next in this process may have no such disk, and 0 would read as a full one.
    registry.removeSingleMetric(NAME);
  };
}
