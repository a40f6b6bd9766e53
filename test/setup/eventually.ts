/**
 * What `attempt` gives once it gives something (not undefined), asked every `intervalMs` until
 * `timeoutMs` has passed: for what the hub does after a response (an event relayed, a delivery
 * recorded, a gateway back up).
 */
export async function eventually<T>(attempt: () => Promise<T | undefined>, timeoutMs = 5_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
