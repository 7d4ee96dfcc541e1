import { Option, type Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { isSecret } from '../../crypto/standard-webhooks-secret.js';
import { signStandardWebhook } from '../../outbound/signing.js';
import { DEFAULT_PROVIDER_EVENT, PROVIDER_SECRET_ENV, buildProviderRequest } from '../provider-requests.js';
import { PROVIDERS, findEvent, type Provider } from '../catalog.js';
import { postAndPrint } from '../send.js';

interface TriggerFlags {
  to?: string;
  secret?: string;
  provider?: Provider;
}

const DEFAULT_SERVER = 'http://localhost:3000';

/** `hookspec trigger`: one correctly signed request built from the spec's example (like `stripe trigger`). */
export function register(program: Command): void {
  program
    .command('trigger')
    .description('Send one correctly signed event built from the spec\'s example for that type, and print the response.')
    .argument('[event-type]', 'catalog event type, for example order.created or github.push')
    .option('--to <url>', 'where to send it: a subscriber endpoint (required), or with --provider our server (default: HOOKSPEC_URL or http://localhost:3000)')
    .option('--secret <secret>', 'signing secret: whsec_… for Standard Webhooks, or the provider\'s secret with --provider')
    .addOption(new Option('--provider <provider>', 'sign a provider-shaped request at one of our receivers instead').choices(PROVIDERS))
    .addHelpText(
      'after',
      `
Standard Webhooks (default): POSTs { type, timestamp, data } with webhook-id, webhook-timestamp and
webhook-signature to --to. Without --secret, HOOKSPEC_TRIGGER_SECRET is used, else a new secret is made and shown.

--provider github|stripe|slack: POSTs the provider's own payload and signature to our receiver for that event
(--to is the server's base URL; a full receiver URL is used as given). The secret comes from --secret or
${Object.values(PROVIDER_SECRET_ENV).join(' / ')}.

Examples:
  hookspec trigger order.created --to http://localhost:4000/hooks --secret whsec_…
  hookspec trigger github.push --provider github --to http://localhost:3000`,
    )
    .action(async (eventType: string | undefined, flags: TriggerFlags) => {
      if (flags.provider) return triggerProvider(flags.provider, eventType, flags);
      if (!eventType) throw new Error('missing <event-type>; for example: hookspec trigger order.created --to http://localhost:4000/hooks');
      const entry = findEvent(eventType);
      if (!flags.to) throw new Error('missing --to <url>: the endpoint to send the event to');
      const url = parseUrl(flags.to);
      const from = flags.secret !== undefined ? '--secret' : 'HOOKSPEC_TRIGGER_SECRET';
      let secret = flags.secret ?? (process.env.HOOKSPEC_TRIGGER_SECRET || undefined);
      // Checked before anything is made up or sent: whsec_ alone or with non-base64 text would sign with a key
      // no receiver has (the base64 decoder skips what it does not understand).
      if (secret !== undefined && !(secret.startsWith('whsec_') && isSecret(secret))) {
        throw new Error(`${from} must be a Standard Webhooks secret: whsec_ followed by base64`);
      }
      if (!secret) {
        secret = `whsec_${randomBytes(24).toString('base64')}`;
        process.stderr.write(`hookspec: no --secret given; signed with a new secret ${secret}\n`);
      }
      // The example, dated now: receivers reject stale timestamps.
      const body = JSON.stringify({ ...entry.example, timestamp: new Date().toISOString() });
      const msgId = `msg_${randomBytes(12).toString('hex')}`;
      const signed = signStandardWebhook(msgId, Math.floor(Date.now() / 1000), body, [secret]);
      await postAndPrint(url.href, { 'content-type': 'application/json', 'user-agent': 'hookspec-trigger', ...signed }, body);
    });
}

async function triggerProvider(provider: Provider, eventType: string | undefined, flags: TriggerFlags): Promise<void> {
  const entry = findEvent(eventType ?? DEFAULT_PROVIDER_EVENT[provider], provider);
  const envName = PROVIDER_SECRET_ENV[provider];
  const secret = flags.secret ?? process.env[envName]?.split(',')[0]?.trim();
  if (!secret) throw new Error(`no ${provider} secret: pass --secret or set ${envName}`);
  const request = buildProviderRequest(entry, secret);
  const base = parseUrl(flags.to ?? (process.env.HOOKSPEC_URL || DEFAULT_SERVER));
  const url = base.pathname === '/' || base.pathname === '' ? new URL(request.path, base) : base;
  await postAndPrint(url.href, request.headers, request.body);
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--to must be an absolute http(s) URL (got "${raw}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--to must be an http or https URL (got "${raw}")`);
  return url;
}
