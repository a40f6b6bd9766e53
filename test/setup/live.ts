import { createClient, type Client, type ClientOptions, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { gatewayUrl } from './hub';

/** The gateway's graphql-ws URL: the same /graphql path as HTTP. */
export function socketUrl(httpUrl = gatewayUrl()): string {
  return httpUrl.replace(/^http/, 'ws');
}

export function liveClient(options: Partial<ClientOptions> & { url?: string } = {}): Client {
  // the shared hub's address only when no other is given: the production install test has no shared hub
  return createClient({ webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, ...options, url: options.url ?? socketUrl() });
}

/** A subscription whose results queue up until a test takes them. */
export class Subscription<T = Record<string, unknown>> {
  readonly results: FormattedExecutionResult<T, unknown>[] = [];
  private waiters: (() => void)[] = [];
  completed = false;
  error?: unknown;
  private readonly dispose: () => void;

  constructor(client: Client, query: string, variables?: Record<string, unknown>) {
    this.dispose = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          this.results.push(result);
          this.wake();
        },
        error: (error) => {
          // a socket close arrives as a CloseEvent: keep what says why
          const close = error as { code?: number; reason?: string };
          this.error =
            typeof close.code === 'number'
              ? { code: close.code, reason: close.reason }
              : error instanceof Error || (error as { message?: string }).message
                ? { message: (error as Error).message, type: (error as { type?: string }).type }
                : error;
          this.completed = true;
          this.wake();
        },
        complete: () => {
          this.completed = true;
          this.wake();
        },
      },
    );
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Waits until `count` results arrived (or fails after `timeoutMs`). */
  async take(count: number, timeoutMs = 5000): Promise<FormattedExecutionResult<T, unknown>[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.results.length < count) {
      if (this.completed) throw new Error(`subscription ended after ${this.results.length} of ${count} results: ${JSON.stringify(this.error ?? null)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`only ${this.results.length} of ${count} results within ${timeoutMs} ms: ${JSON.stringify(this.results)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.results.slice(0, count);
  }

  /** Asserts nothing more arrives within `ms`. */
  async quietFor(ms: number, expected = this.results.length): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    if (this.results.length !== expected)
      throw new Error(`expected ${expected} results, got ${this.results.length}: ${JSON.stringify(this.results.slice(expected))}`);
  }

  /** The first error the subscription got: an `error` message, or a result with errors. */
  async firstError(timeoutMs = 5000): Promise<{ message: string; extensions?: Record<string, unknown> }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const withErrors = this.results.find((r) => r.errors?.length);
      if (withErrors) return withErrors.errors![0] as { message: string; extensions?: Record<string, unknown> };
      if (this.error) return (Array.isArray(this.error) ? this.error[0] : this.error) as { message: string; extensions?: Record<string, unknown> };
      if (Date.now() > deadline) throw new Error(`no error within ${timeoutMs} ms: ${JSON.stringify(this.results)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Waits until the gateway counts this subscription among `count` open ones of `field`. */
  ready(field: string, count = 1, httpUrl = gatewayUrl()): Promise<void> {
    return subscribersReady(field, count, httpUrl, 5000, [this as Subscription<unknown>]);
  }

  stop(): void {
    this.dispose();
  }
}

/** Resolves once the socket is connected and acknowledged. */
export function connected(client: Client): Promise<void> {
  return new Promise((resolve, reject) => {
    const off = client.on('connected', () => {
      off();
      resolve();
    });
    const offClosed = client.on('closed', (event) => {
      offClosed();
      reject(new Error(`socket closed: ${(event as { code?: number }).code}`));
    });
  });
}

/** Open subscriptions of a gateway for one root field, from its /metrics. */
export async function openSubscriptions(field: string, httpUrl = gatewayUrl()): Promise<number> {
  const text = await (await fetch(httpUrl.replace(/\/graphql$/, '/metrics'))).text();
  const line = text.split('\n').find((l) => l.startsWith(`ngohub_subscriptions_active{field="${field}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** Waits until the gateway has `count` open subscriptions of `field` (subscribing is asynchronous). */
export async function subscribersReady(
  field: string,
  count: number,
  httpUrl = gatewayUrl(),
  timeoutMs = 5000,
  watch: Subscription<unknown>[] = [],
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await openSubscriptions(field, httpUrl);
    if (open >= count) return;
    const failed = watch.find((s) => s.error || s.results.some((r) => r.errors?.length));
    if (failed) throw new Error(`a ${field} subscription failed: ${JSON.stringify(failed.error ?? failed.results)}`);
    if (Date.now() > deadline) throw new Error(`${open} of ${count} ${field} subscriptions open after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A counter of a gateway's /metrics (summed over labels). */
export async function gatewayCounter(name: string, httpUrl = gatewayUrl()): Promise<number> {
  const text = await (await fetch(httpUrl.replace(/\/graphql$/, '/metrics'))).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}
