import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { sendWebhook, signatureHeader } from '../webhook-request';

const first = `whsec_${Buffer.from('first secret, 24 bytes!!').toString('base64')}`;
const second = `whsec_${Buffer.from('second secret 24 bytes!!').toString('base64')}`;

describe('one webhook attempt', () => {
  it('signs with every secret it is given: either verifies (rotation without a gap)', () => {
    const message = { id: '42', body: '{"type":"GRANT_AWARDED"}', timestamp: new Date() };
    const headers = {
      'webhook-id': '42',
      'webhook-timestamp': String(Math.floor(message.timestamp.getTime() / 1000)),
      'webhook-signature': signatureHeader([first, second], message),
    };
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const secret of [first, second]) expect(new Webhook(secret).verify(message.body, headers)).toEqual({ type: 'GRANT_AWARDED' });
  });

  it('counts a 2xx as delivered and anything else, a timeout included, as a failure with the reason', async () => {
    let status = 204;
    let delay = 0;
    const server = createServer((_req, res) => void setTimeout(() => res.writeHead(status, { location: 'http://elsewhere/' }).end(), delay));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://localhost:${(server.address() as AddressInfo).port}/hook`;
    const send = () => sendWebhook({ url, secrets: [first] }, { id: '1', body: '{}', timestamp: new Date() }, { timeoutMs: 300, mode: 'development' });
    try {
      expect(await send()).toMatchObject({ ok: true, statusCode: 204 });
      status = 302;
      expect(await send()).toMatchObject({ ok: false, statusCode: 302, error: 'the endpoint answered 302 (redirects are not followed)' });
      status = 200;
      delay = 1000;
      expect(await send()).toMatchObject({ ok: false, error: 'no answer within 300 ms' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('in production, refuses hosts that are or resolve to private addresses', async () => {
    const options = { timeoutMs: 1000, mode: 'production' as const };
    const message = { id: '1', body: '{}', timestamp: new Date() };
    expect(await sendWebhook({ url: 'https://127.0.0.1/hook', secrets: [first] }, message, options)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/refused/),
    });
    expect(await sendWebhook({ url: 'https://localhost/hook', secrets: [first] }, message, options)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/resolves to .*private address/),
    });
  });
});
