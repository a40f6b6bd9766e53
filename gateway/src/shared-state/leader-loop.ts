import type { Logger } from '@ngo-hub/kit/common';
import type { Pool, PoolClient } from 'pg';
import type { Gauge } from 'prom-client';
import { Rerun } from './rerun';

export interface LeaderLoopOptions {
  /** What the loop does, in its logs ("event relay"). */
  name: string;
  /** Logged when this instance becomes the leader. */
  leading: string;
  /** The session advisory lock's key, an SQL expression (`hashtext('ngo-hub:event-relay')`). */
  lock: string;
  /** Channels whose notifications wake the loop while this instance leads. */
  channels: readonly string[];
  /** How often the loop runs without a notification. */
  pollMs: number;
  /** 1 while this instance leads, 0 otherwise. */
  gauge: Gauge;
  /** One pass of the work, run only by the leader, on its connection (which holds the lock and listens). */
  work: (client: PoolClient) => Promise<void>;
}

/**
 * Work that one gateway instance does at a time for all of them (the event relay, the webhook
 * deliverer): each instance runs the loop, and the one that holds a session advisory lock does
 * the work, woken by its channels' notifications and every `pollMs`. The lock belongs to the
 * leader's connection, so when that instance dies or its connection drops, another takes over
 * within a poll. A pass that fails gives up the lead (the next pass tries again) and is logged;
 * a wake during a pass runs one more pass after it.
 */
export class LeaderLoop {
  private client?: PoolClient;
  private leader = false;
  private timer?: NodeJS.Timeout;
  private readonly passes = new Rerun(() => this.pass());

  constructor(
    private readonly pool: Pool,
    private readonly log: Logger,
    private readonly options: LeaderLoopOptions,
  ) {}

  get isLeader(): boolean {
    return this.leader;
  }

  get isStopped(): boolean {
    return this.passes.isStopped;
  }

  /** The first pass: the instance leads (and has worked once) when it resolves, if the lock was free. */
  async start(): Promise<void> {
    await this.pass();
  }

  /** Runs a pass now (called on a notification and on every poll). */
  wake(): void {
    this.passes.wake();
  }

  private schedule(): void {
    if (this.passes.isStopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), this.options.pollMs);
    this.timer.unref();
  }

  private async pass(): Promise<void> {
    try {
      if (!this.leader) await this.tryLead();
      if (this.leader) await this.options.work(this.client!);
    } catch (error) {
      this.log.error({ err: error }, `${this.options.name} failed; retrying`);
      this.resign();
    } finally {
      this.schedule();
    }
  }

  private async tryLead(): Promise<void> {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(`select pg_try_advisory_lock(${this.options.lock}) as locked`);
      if (!rows[0]!.locked) {
        client.release();
        return;
      }
      client.on('notification', (message) => {
        if (this.options.channels.includes(message.channel)) this.wake();
      });
      client.on('error', (error) => {
        this.log.warn({ err: error }, `${this.options.name} connection lost`);
        this.resign();
      });
      for (const channel of this.options.channels) await client.query(`listen ${channel}`);
      this.client = client;
      this.leader = true;
      this.options.gauge.set(1);
      this.log.info(this.options.leading);
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  }

  /** Gives up the lead: the lock is the session's, so ending the connection releases it. */
  private resign(): void {
    const client = this.client;
    this.client = undefined;
    this.leader = false;
    this.options.gauge.set(0);
    client?.release(new Error(`${this.options.name} resigned`));
  }

  /** Stops the loop: the pass under way ends, then `drain` (work the passes started), then the lock is released. */
  async stop(drain: () => Promise<unknown> = async () => undefined): Promise<void> {
    clearTimeout(this.timer);
    await this.passes.stop();
    await drain();
    const client = this.client;
    if (!client) return;
    this.client = undefined;
    this.leader = false;
    this.options.gauge.set(0);
    await client.query(`select pg_advisory_unlock(${this.options.lock})`).catch(() => undefined);
    client.release();
  }
}
