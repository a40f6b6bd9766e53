/** Set when tracing runs: sends the spans still buffered, before the process exits. */
let flusher: (() => Promise<void>) | undefined;

export function onTracingFlush(flush: () => Promise<void>): void {
  flusher = flush;
}

export async function flushTracing(): Promise<void> {
  await flusher?.().catch(() => undefined);
}
