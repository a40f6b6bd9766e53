import { MessageType, parseMessage, stringifyMessage } from 'graphql-ws';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { directSend, nextMessage } from '../direct-send';

describe('nextMessage', () => {
  it('is byte for byte what graphql-ws writes for the same id and payload', () => {
    const payload = { data: { sectorActivity: { eventId: '42', summary: 'Ünïcode "quoted" \\ \u2028', organization: null } }, extensions: { backlog: 0 } };
    for (const id of ['1', 'a3f1c2e0-6f0e-4a8c-9d55-0f2b1b6f6e11', 'with "quotes" and \\ and \n'])
      expect(nextMessage(id, JSON.stringify(payload))).toBe(stringifyMessage({ id, type: MessageType.Next, payload }));
  });
});

describe('directSend', () => {
  let http: Server;
  let wss: WebSocketServer;
  beforeAll(async () => {
    http = createServer();
    wss = new WebSocketServer({ server: http });
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
  });
  afterAll(async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise((resolve) => wss.close(resolve));
    await new Promise((resolve) => http.close(resolve));
  });

  it('writes while the client takes what it is sent, refuses once the socket holds the high-water mark, and loses nothing', async () => {
    const accepted = once(wss, 'connection') as Promise<[WebSocket]>;
    const client = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`);
    const [server] = await accepted;
    await once(client, 'open');
    const received: string[] = [];
    client.on('message', (data) => received.push(String(data)));
    // the client stops reading: the kernel's buffers fill, then the server socket's own
    (client as unknown as { _socket: Socket })._socket.pause();

    const send = directSend(server, 'sub-1', 64 * 1024);
    const payload = (n: number) => JSON.stringify({ data: { n, filler: 'x'.repeat(1000) } });
    let sent = 0;
    while (sent < 10_000 && send(payload(sent))) sent += 1;
    expect(sent).toBeGreaterThan(64); // at least the high-water mark's worth
    expect(sent).toBeLessThan(10_000); // ~10 MB: past the kernel's buffers, the refusal came from the high-water mark
    expect(server.bufferedAmount).toBeGreaterThanOrEqual(64 * 1024);
    expect(send(payload(sent))).toBe(false); // still full: nothing written

    (client as unknown as { _socket: Socket })._socket.resume();
    while (received.length < sent) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(received.map((text) => parseMessage(text))).toEqual(
      Array.from({ length: sent }, (_, n) => ({ id: 'sub-1', type: MessageType.Next, payload: { data: { n, filler: 'x'.repeat(1000) } } })),
    );
    expect(server.bufferedAmount).toBe(0);
    expect(send(payload(sent))).toBe(true);
    client.close();
  });

  it('refuses on a socket that is closing', async () => {
    const accepted = once(wss, 'connection') as Promise<[WebSocket]>;
    const client = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`);
    const [server] = await accepted;
    await once(client, 'open');
    const closed = once(client, 'close');
    server.close();
    expect(directSend(server, 'sub-2')('{}')).toBe(false);
    await closed;
  });
});
