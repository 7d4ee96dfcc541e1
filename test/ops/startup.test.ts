import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runMain } from '../support/spawn-server.js';

describe('startup failures', () => {
  it.each([
    ['a malformed setting', { PORT: 'abc' }, /PORT must be a non-negative integer \(got "abc"\)/],
    ['an unknown database', { DATABASE_URL: 'mysql://db/hookspec' }, /DATABASE_URL must start with sqlite: or postgres:\/\//],
  ])('%s: one fatal JSON line, exit 1', async (_name, env, message) => {
    const { code, stdout, stderr } = await runMain(env);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const line = JSON.parse(stdout.trim()) as { level: number; msg: string };
    expect(line.level).toBe(60);
    expect(line.msg).toMatch(message);
  });

  it('a port already in use: exit 1 naming the address', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, stdout } = await runMain({ PORT: String(port), DATABASE_URL: 'sqlite::memory:' });
      expect(code).toBe(1);
      expect(stdout).toMatch(/"msg":"startup failed: listen EADDRINUSE[^"]*127\.0\.0\.1:\d+"/);
    } finally {
      blocker.close();
    }
  });
});
