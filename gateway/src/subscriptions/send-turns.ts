/**
 * Deliveries take turns with the rest of the gateway's work. Live updates share one event loop
 * with the relay's and the log's round trips to PostgreSQL and with the payload fetches, and an
 * event for a thousand subscribers resolves a thousand deliveries at once: sent in one go, they
 * hold the loop for tens of milliseconds, and every round trip of the next event waits behind
 * them (at 1,000 subscribers and 20 events/s the first delivery of an event came ~90–480 ms
 * after its commit, the fan-out itself taking ~20 ms). So at most `perTurn` deliveries go per
 * pass of the event loop; the others wait, in order, for the next pass, after its I/O.
 */
export class SendTurns {
  private used = 0;
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly perTurn: number) {}

  /** Undefined when the caller may send now; otherwise its turn, a promise resolved on a later pass. */
  take(): Promise<void> | undefined {
    if (!this.waiting.length && this.used < this.perTurn) {
      // the budget is this pass's: it is renewed on the next
      if (this.used++ === 0) this.schedule();
      return undefined;
    }
    return new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // an immediate set now runs after the loop's next poll for I/O
    setImmediate(() => {
      this.scheduled = false;
      const now = this.waiting.splice(0, this.perTurn);
      this.used = now.length;
      for (const resolve of now) resolve();
      if (this.used) this.schedule();
    });
  }
}

/** How many deliveries go per pass of the event loop: ~3 ms of sending at 1,000 subscribers. */
export const DELIVERIES_PER_TURN = 100;

/** The gateway's one event loop: one budget for all its subscribers. */
export const sendTurns = new SendTurns(DELIVERIES_PER_TURN);
