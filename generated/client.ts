// generated from openapi.yaml; do not edit
import createFetchClient, { type Client } from 'openapi-fetch';
import type { paths } from './types.js';

/** Options of the management client. */
export interface ClientOptions {
  /** Server origin, for example `http://127.0.0.1:8080`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`. @default undefined */
  apiKey?: string;
  /** Extra headers on every request. @default {} */
  headers?: Record<string, string>;
  /** A fetch implementation. @default globalThis.fetch */
  fetch?: (input: Request) => Promise<Response>;
}

/** The typed client: `client.GET('/v1/subscriptions')` etc., typed from `paths`. */
export type ApiClient = Client<paths>;

/** encodeURIComponent, plus the !'()* it leaves as they are: the server's validator refuses them unescaped in a query. */
function encodeQueryComponent(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `name=value&…` (arrays repeat the name, as `form` + `explode` does); undefined and null values are left out. */
function serializeQuery(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      parts.push(`${encodeQueryComponent(name)}=${encodeQueryComponent(String(item))}`);
    }
  }
  return parts.join('&');
}

/** Creates the typed management client (openapi-fetch) with the bearer key set. */
export function createClient(options: ClientOptions): ApiClient {
  const headers: Record<string, string> = { ...options.headers };
  if (options.apiKey !== undefined) headers.Authorization = `Bearer ${options.apiKey}`;
  return createFetchClient<paths>({
    baseUrl: options.baseUrl,
    headers,
    querySerializer: serializeQuery,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
