/**
 * A pass of work that is asked for more often than it runs (on every notification and poll):
 * `wake()` starts it now, or, while one is under way, once more after it, however many wakes came
 * in between. The pass handles its own errors (a rejected pass is not retried).
 */
export class Rerun {
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(private readonly pass: () => Promise<void>) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** No pass starts after this; resolves once the pass under way has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}
