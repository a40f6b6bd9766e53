import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/**
 * Whether a socket's client takes what the hub sends it. Sampled a few times per stall period:
 * the client is stalled when bytes wait in the socket's buffer (`bufferedAmount`) and none of
 * them went out to the network for `stallMs`. A client that reads, however far behind the hub's
 * backlog it is, is not stalled: what it has not received yet waits in the hub event log.
 */
export class SocketPressure {
  private readonly listeners = new Set<() => void>();
  private readonly timer: NodeJS.Timeout;
  private stalledSince?: number;
  private lastFlushed = 0;

  constructor(
    private readonly socket: WebSocket,
    private readonly stallMs: number,
  ) {
    this.timer = setInterval(() => this.sample(), Math.max(50, Math.min(1000, stallMs / 4)));
    this.timer.unref();
    socket.once('close', () => this.stop());
  }

  /** Bytes handed to the network so far (written by the socket, less what still waits in its buffer). */
  private flushed(): number {
    const raw = (this.socket as unknown as { _socket?: Socket })._socket;
    return raw ? raw.bytesWritten - raw.writableLength : 0;
  }

  private sample(): void {
    const now = Date.now();
    const flushed = this.flushed();
    if (this.socket.bufferedAmount === 0 || flushed > this.lastFlushed) this.stalledSince = undefined;
    else this.stalledSince ??= now;
    this.lastFlushed = flushed;
    if (this.stalledSince !== undefined && now - this.stalledSince >= this.stallMs) {
      const listeners = [...this.listeners];
      this.listeners.clear();
      this.stalledSince = undefined;
      for (const listener of listeners) listener();
    }
  }

  /** Calls `listener` once, when the client is found stalled; returns the way to stop listening. */
  onStall(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    clearInterval(this.timer);
    this.listeners.clear();
  }
}
