import { createServer, connect, type AddressInfo } from 'node:net';
import { SendTurns } from '../send-turns';

/** What ran, in order: deliveries (`d<n>`) and other work of the event loop. */
async function deliveries(turns: SendTurns, count: number, log: string[]): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const turn = turns.take();
      if (turn) await turn;
      log.push(`d${i}`);
    }),
  );
}

describe('deliveries taking turns with the rest of the event loop', () => {
  it('sends at most perTurn per pass, in order, and lets I/O and timers run between passes', async () => {
    const log: string[] = [];
    // a byte already on its way to this process when the sending starts: a reply from PostgreSQL, say
    const server = createServer((socket) => socket.on('data', () => log.push('io')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await new Promise((resolve) => server.once('connection', resolve));
    try {
      const turns = new SendTurns(2);
      setTimeout(() => log.push('timer'), 0);
      client.write('x');
      await deliveries(turns, 8, log);
      expect(log.filter((entry) => entry.startsWith('d'))).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']);
      // the first two go at once; the I/O and the timer are handled before the last ones
      expect(log.slice(0, 2)).toEqual(['d0', 'd1']);
      expect(log.indexOf('io')).toBeGreaterThan(1);
      expect(log.indexOf('io')).toBeLessThan(log.indexOf('d6'));
      expect(log.indexOf('timer')).toBeLessThan(log.indexOf('d6'));
    } finally {
      client.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('sends everything at once when there is no more than a turn', async () => {
    const log: string[] = [];
    const turns = new SendTurns(10);
    setImmediate(() => log.push('other work'));
    await deliveries(turns, 10, log);
    expect(log.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => `d${i}`));
  });

  it('renews the budget on every pass', async () => {
    const turns = new SendTurns(3);
    for (let pass = 0; pass < 3; pass++) {
      expect([turns.take(), turns.take(), turns.take()]).toEqual([undefined, undefined, undefined]);
      expect(turns.take()).toBeInstanceOf(Promise);
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
});
