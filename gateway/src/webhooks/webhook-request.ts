import { isPrivateAddress, type HubMode } from '@ngo-hub/kit/common';
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { Webhook as Signer } from 'standardwebhooks';

/** One message to one endpoint, as Standard Webhooks frames it. */
export interface WebhookMessage {
  /** `webhook-id`: the event's id in the hub event log, the same on every retry and redelivery. */
  id: string;
  body: string;
  /** `webhook-timestamp`: when this attempt is made. */
  timestamp: Date;
}

export interface WebhookTarget {
  url: string;
  /** Every secret that signs (the current one, and a rotated-out one during its grace period). */
  secrets: readonly string[];
}

export interface AttemptOutcome {
  ok: boolean;
  statusCode?: number;
  error?: string;
  durationMs: number;
}

export class RefusedDestination extends Error {}

/** `webhook-signature`: one `v1,<base64>` per secret, space-separated (receivers accept any that verifies). */
export function signatureHeader(secrets: readonly string[], message: WebhookMessage): string {
  return secrets.map((secret) => new Signer(secret).sign(message.id, message.timestamp, message.body)).join(' ');
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A DNS lookup that fails for names resolving to a private address (checked at connect time: no rebinding window). */
function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true } as LookupAllOptions, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) return callback(new RefusedDestination(`${hostname} resolves to ${refused.address}, a private address: webhooks go to public hosts only`), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

const RESPONSE_BYTES_READ = 64 * 1024;

/**
 * POSTs one signed message: content-type application/json, webhook-id, webhook-timestamp (Unix
 * seconds) and webhook-signature. A 2xx answer within `timeoutMs` is success; anything else
 * (another status, a redirect — never followed —, a timeout, a refused connection) is a failure
 * to retry. In production, hosts that are or resolve to private addresses are refused (SSRF).
 */
export function sendWebhook(
  target: WebhookTarget,
  message: WebhookMessage,
  options: { timeoutMs: number; mode: HubMode; signal?: AbortSignal },
): Promise<AttemptOutcome> {
  const started = performance.now();
  const done = (outcome: Omit<AttemptOutcome, 'durationMs'>): AttemptOutcome => ({ ...outcome, durationMs: Math.round(performance.now() - started) });
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(target.url);
    } catch {
      return resolve(done({ ok: false, error: 'the URL is not valid' }));
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (options.mode === 'production' && (url.protocol !== 'https:' || (isIP(host) !== 0 && isPrivateAddress(host)))) {
      return resolve(done({ ok: false, error: 'refused: production webhooks go to public https:// hosts only' }));
    }
    const body = Buffer.from(message.body, 'utf8');
    const requestOptions: RequestOptions = {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(body.length),
        'user-agent': 'NGO-Hub-Webhooks/1.0',
        'webhook-id': message.id,
        'webhook-timestamp': String(Math.floor(message.timestamp.getTime() / 1000)),
        'webhook-signature': signatureHeader(target.secrets, message),
      },
      signal: options.signal ? AbortSignal.any([AbortSignal.timeout(options.timeoutMs), options.signal]) : AbortSignal.timeout(options.timeoutMs),
      ...(options.mode === 'production' ? { lookup: publicOnlyLookup as RequestOptions['lookup'] } : {}),
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, requestOptions, (response) => {
      let read = 0;
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > RESPONSE_BYTES_READ) response.destroy();
      });
      const finish = () => {
        const statusCode = response.statusCode ?? 0;
        const ok = statusCode >= 200 && statusCode < 300;
        resolve(
          done({
            ok,
            statusCode,
            error: ok ? undefined : `the endpoint answered ${statusCode}${statusCode >= 300 && statusCode < 400 ? ' (redirects are not followed)' : ''}`,
          }),
        );
      };
      response.once('end', finish);
      response.once('close', finish);
      response.once('error', finish);
    });
    request.once('error', (error: Error & { code?: string }) => {
      const reason = options.signal?.aborted
        ? 'abandoned: the gateway is stopping'
        : error.name === 'TimeoutError' || error.name === 'AbortError'
          ? `no answer within ${options.timeoutMs} ms`
          : error instanceof RefusedDestination
            ? error.message
            : `${error.code ?? error.name}: ${error.message}`;
      resolve(done({ ok: false, error: reason }));
    });
    request.end(body);
  });
}
