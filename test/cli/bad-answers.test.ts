import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from './run-cli.js';

/** The project's rule: exit 1, nothing on stdout, exactly one line on stderr, never a raw TypeError. */
function expectOneLineError(result: CliResult, line: RegExp): void {
  expect(result.signal, 'the CLI hung and was killed').toBeNull();
  expect(result.code, result.stdout + result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr.split('\n')).toHaveLength(2);
  expect(result.stderr).not.toMatch(/Cannot read properties|undefined|could not reach/);
  expect(result.stderr).toMatch(line);
}

/** The fake server's port (this suite's range is 5500-5599), and one where nothing listens. */
const PORT = 5531;
const CLOSED_PORT = 5532;
const URL = `http://127.0.0.1:${PORT}`;
const AT = `the server at http://127\\.0\\.0\\.1:${PORT}`;

const DELIVERY = {
  id: 'dlv_01jd0000000000000000000000',
  event_id: 'evt_01jd0000000000000000000000',
  subscription_id: 'sub_01jd0000000000000000000000',
  url: 'https://example.org/hooks',
  status: 'pending',
};

describe('hookspec CLI: a server that answers, but not what the API promises', () => {
  let server: Server;
  let answer: { status: number; type?: string; body?: string };
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.writeHead(answer.status, answer.type ? { 'content-type': answer.type } : {});
      res.end(answer.body);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(PORT, '127.0.0.1', () => resolve());
    });
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });
  beforeEach(() => {
    requests.length = 0;
  });

  const cli = (args: string[]) => runCli([...args, '--url', URL, '--api-key', 'k']);

  it('a 2xx body that is not JSON says the server answered, not that it could not be reached', async () => {
    answer = { status: 200, type: 'text/plain', body: 'garbage{{{' };
    expectOneLineError(await cli(['events']), new RegExp(`^hookspec: listing events: ${AT} answered 200 with a body that is not JSON \\(text/plain\\)\\n$`));
    answer = { status: 200, type: 'application/json', body: 'garbage{{{' };
    expectOneLineError(await cli(['events']), new RegExp(`^hookspec: listing events: ${AT} answered 200 with a body that is not JSON \\(application/json: `));
  });

  it.each([
    ['events', ['events'], 'listing events', 'GET /v1/events'],
    ['deliveries', ['deliveries', 'evt_1'], 'listing deliveries of evt_1', 'GET /v1/events/\\{id\\}/deliveries'],
    ['refusals', ['refusals'], 'listing refusals', 'GET /v1/inbound-refusals'],
  ])('%s: {}, null and 204 are one line naming what the API promises, not a TypeError', async (_name, args, what, operation) => {
    answer = { status: 200, type: 'application/json', body: '{}' };
    expectOneLineError(await cli(args), new RegExp(`^hookspec: ${what}: ${AT} answered 200 with JSON that is not what ${operation} promises: /data must have required property 'data'`));
    answer = { status: 200, type: 'application/json', body: 'null' };
    expectOneLineError(await cli(args), new RegExp(`^hookspec: ${what}: ${AT} answered 200 with JSON that is not what ${operation} promises: / must be object`));
    answer = { status: 204 };
    expectOneLineError(await cli(args), new RegExp(`^hookspec: ${what}: ${AT} answered 204, which ${operation} does not promise \\(it promises 200\\)\\n$`));
    answer = { status: 200, type: 'application/json', body: '' };
    expectOneLineError(await cli(args), new RegExp(`^hookspec: ${what}: ${AT} answered 200 with an empty body; ${operation} promises JSON\\n$`));
  });

  it('events --json does not print a null answer as a success', async () => {
    answer = { status: 200, type: 'application/json', body: 'null' };
    expectOneLineError(await cli(['events', '--json']), /^hookspec: listing events: .* answered 200 with JSON that is not what GET \/v1\/events promises/);
  });

  it('retry and recover fail on an answer without their documented fields instead of printing "Queued undefined"', async () => {
    answer = { status: 202, type: 'application/json', body: '{}' };
    expectOneLineError(await cli(['retry', 'dlv_1']), new RegExp(`^hookspec: retrying dlv_1: ${AT} answered 202 with JSON that is not what POST /v1/deliveries/\\{id\\}/retry promises: /id must have required property 'id'`));
    expectOneLineError(await cli(['recover', 'sub_1', '--since', '1h']), new RegExp(`^hookspec: recovering sub_1: ${AT} answered 202 with JSON that is not what POST /v1/subscriptions/\\{id\\}/recover promises: /queued must have required property 'queued'`));
    // The status is part of the promise: retry answers 202.
    answer = { status: 200, type: 'application/json', body: '{}' };
    expectOneLineError(await cli(['retry', 'dlv_1']), new RegExp(`^hookspec: retrying dlv_1: ${AT} answered 200, which POST /v1/deliveries/\\{id\\}/retry does not promise \\(it promises 202\\)\\n$`));
    // A field of the wrong type is caught too, not printed.
    answer = { status: 202, type: 'application/json', body: JSON.stringify({ queued: 'many' }) };
    expectOneLineError(await cli(['recover', 'sub_1', '--since', '1h']), /^hookspec: recovering sub_1: .* promises: \/queued must be integer/);
  });

  it('answers that keep the promise still work', async () => {
    answer = { status: 200, type: 'application/json; charset=utf-8', body: JSON.stringify({ data: [], next_cursor: null }) };
    const events = await cli(['events']);
    expect(events.code, events.stderr).toBe(0);
    expect(events.stdout).toBe('No events.\n');
    answer = { status: 202, type: 'application/json', body: JSON.stringify({ queued: 2 }) };
    const recover = await cli(['recover', 'sub_1', '--since', '1h']);
    expect(recover.code, recover.stderr).toBe(0);
    expect(recover.stdout).toMatch(/^Queued 2 deliveries of sub_1 failed since /);
  });

  it('a server that is not there is still "could not reach"', async () => {
    const result = await runCli(['events', '--url', `http://127.0.0.1:${CLOSED_PORT}`, '--api-key', 'k']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^hookspec: listing events: could not reach the server \(connect ECONNREFUSED .*\)\n$/);
  });

  it('an empty id is refused before anything is sent (it would call another route: /v1/deliveries//retry)', async () => {
    answer = { status: 202, type: 'application/json', body: JSON.stringify(DELIVERY) };
    expectOneLineError(await cli(['retry', '']), /^hookspec retry: command-argument value '' is invalid for argument 'delivery-id': must not be empty \(see hookspec retry --help\)\n$/);
    expectOneLineError(await cli(['retry', ' ']), /^hookspec retry: .* must not be empty/);
    expectOneLineError(await cli(['deliveries', '']), /^hookspec deliveries: .*argument 'event-id': must not be empty/);
    expectOneLineError(await cli(['recover', '', '--since', '1h']), /^hookspec recover: .*argument 'subscription-id': must not be empty/);
    expect(requests).toEqual([]);
  });
});

describe('hookspec CLI: no command', () => {
  it('prints the help on stdout, as git and npm do, and exits 1 since nothing was done', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: hookspec /);
    expect(result.stdout).toMatch(/^ {2}events /m);
  });
});
