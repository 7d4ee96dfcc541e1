// The loopback subscribers of `make bench-outbound` and `make bench-scale`, in their own process: N endpoints that answer 200 at once
// and record, per request, the publish-to-receipt latency (now minus the envelope's `timestamp`) and webhook-id.
// Driven over IPC: { cmd: 'reset' }, { cmd: 'count' } → { count, unique } (polled), { cmd: 'latencies' } → { latencies }.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const COUNT = Number(process.argv[2] ?? 4);
let latencies: number[] = [];
let seen = new Set<string>();
let count = 0;

const ports: number[] = [];
for (let i = 0; i < COUNT; i++) {
  const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = Date.now();
      count++;
      seen.add(`${i}:${req.headers['webhook-id']}`);
      // The envelope starts with {"type":…,"timestamp":"<ISO>" — a regex avoids parsing the whole body.
      const match = /"timestamp":"([^"]+)"/.exec(Buffer.concat(chunks).toString('utf8', 0, 200));
      if (match) latencies.push(now - Date.parse(match[1]!));
      res.writeHead(200, { 'content-length': 2 });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  ports.push((server.address() as AddressInfo).port);
}

process.on('message', (msg: { cmd: string }) => {
  if (msg.cmd === 'reset') {
    latencies = [];
    seen = new Set();
    count = 0;
    process.send!({ ok: true });
  } else if (msg.cmd === 'count') {
    process.send!({ count, unique: seen.size });
  } else if (msg.cmd === 'latencies') {
    process.send!({ latencies });
  }
});
// Dies with the bench process, even when that one crashed.
process.on('disconnect', () => process.exit(0));
process.send!({ ports });
