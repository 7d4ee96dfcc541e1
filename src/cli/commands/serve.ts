import { Option, type Command } from 'commander';
import { parsePort } from '../options.js';

/** `hookspec serve`: the server, with the environment's configuration and a role/port override. */
export function register(program: Command): void {
  program
    .command('serve')
    .description('Start the server: receivers, management API, console and (role permitting) the delivery worker.')
    .addOption(new Option('--role <role>', 'which parts this process runs').choices(['api', 'worker', 'all']))
    .option('--port <port>', 'TCP port (default: PORT or 3000)', parsePort)
    .option('--host <host>', 'listen address (default: HOST or 0.0.0.0)')
    .addHelpText('after', '\nConfiguration comes from the environment (DATABASE_URL, HOOKSPEC_API_KEY, …); SIGTERM shuts down cleanly.')
    .action(async (opts: { role?: 'api' | 'worker' | 'all'; port?: number; host?: string }) => {
      // Imported here so `hookspec --help` does not load the server.
      const [{ loadConfig }, { startHookspec }, { exitOnSignals }] = await Promise.all([
        import('../../config/index.js'),
        import('../../server/start.js'),
        import('../../server/signals.js'),
      ]);
      const config = loadConfig();
      if (opts.role) config.server.role = opts.role;
      if (opts.port !== undefined) config.server.port = opts.port;
      if (opts.host) config.server.host = opts.host;
      const running = await startHookspec(config).catch((err: unknown) => {
        throw startError(err, opts, config.server.host);
      });
      exitOnSignals(running, config);
      process.stderr.write(`hookspec: listening on ${running.url} (role ${config.server.role})\n`);
      // Keep the action pending: the server runs until a signal exits the process.
      await new Promise<never>(() => {});
    });
}

/** A listen failure names the flag that was used: `set PORT` is no advice when `--port` chose the port. */
function startError(err: unknown, opts: { port?: number; host?: string }, host: string): unknown {
  if (!(err instanceof Error)) return err;
  const code = ((err.cause ?? err) as NodeJS.ErrnoException).code;
  if ((code === 'EADDRINUSE' || code === 'EACCES') && opts.port !== undefined) return new Error(err.message.replace(/set PORT to a free port/, 'pass a free --port'), { cause: err });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EADDRNOTAVAIL') {
    return new Error(`cannot listen on ${host} (${opts.host !== undefined ? '--host' : 'HOST'}): ${err.message}`, { cause: err });
  }
  return err;
}
