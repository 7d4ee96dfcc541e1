// The subscribers of `make bench-scale`, in their own process: N loopback endpoints that answer 200 at once and
// count requests and distinct (endpoint, webhook-id) pairs. IPC: { cmd: 'reset' } → { ok }, { cmd: 'count' } → { count, unique }.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const COUNT = Number(process.argv[2] ?? 4);
let seen = new Set<string>();
let count = 0;

const ports: number[] = [];
for (let i = 0; i < COUNT; i++) {
  const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    req.resume();
    req.on('end', () => {
      count++;
      seen.add(`${i}:${req.headers['webhook-id']}`);
      res.writeHead(200, { 'content-length': 2 });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  ports.push((server.address() as AddressInfo).port);
}

process.on('message', (msg: { cmd: string }) => {
  if (msg.cmd === 'reset') {
    seen = new Set();
    count = 0;
    process.send!({ ok: true });
  } else if (msg.cmd === 'count') {
    process.send!({ count, unique: seen.size });
  }
});
// Dies with the bench process, even when that one crashed.
process.on('disconnect', () => process.exit(0));
process.send!({ ports });
