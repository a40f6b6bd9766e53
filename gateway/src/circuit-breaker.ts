/**
 * A circuit breaker per subgraph: after `threshold` consecutive failures the circuit opens and
 * calls fail at once for `cooldownMs`; then one trial call is let through (half-open), whose
 * outcome closes or re-opens the circuit. A down subgraph then costs callers nothing but an
 * error, and the gateway notices by itself when it is back.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(
    private readonly threshold = 5,
    private readonly cooldownMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.cooldownMs ? 'half-open' : 'open';
  }

  /** Whether a call may go out now; in half-open state only one trial call may. */
  allow(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  succeeded(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  failed(): void {
    this.failures += 1;
    if (this.trialInFlight || this.failures >= this.threshold) this.openedAt = this.now();
    this.trialInFlight = false;
  }
}
