import pg from 'pg';

/** Direct SQL for the assertions of the multi-process tests (the processes under test use the store). */
export interface ScaleDb {
  statusCounts(): Promise<Record<string, number>>;
  /** Deliveries not yet succeeded. */
  unfinished(): Promise<number>;
  query<T extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export function connectScaleDb(url: string): ScaleDb {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const query = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => (await pool.query<T>(sql, values)).rows;
  return {
    query,
    async statusCounts() {
      const rows = await query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM deliveries GROUP BY status');
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    },
    async unfinished() {
      const [row] = await query<{ n: number }>("SELECT count(*)::int AS n FROM deliveries WHERE status <> 'succeeded'");
      return row!.n;
    },
    close: () => pool.end(),
  };
}
