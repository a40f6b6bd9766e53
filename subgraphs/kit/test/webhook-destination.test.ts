import { isPrivateAddress, webhookUrl } from '../src/webhooks/webhook-destination';

describe('webhook destinations', () => {
  it('tells private, loopback, link-local and reserved addresses from public ones', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.10',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      '::ffff:127.0.0.1',
    ]) {
      expect([address, isPrivateAddress(address)]).toEqual([address, true]);
    }
    for (const address of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
      expect([address, isPrivateAddress(address)]).toEqual([address, false]);
    }
    expect(isPrivateAddress('not an address')).toBe(true);
  });

  it('accepts https to public hosts in production and refuses everything a request could abuse', () => {
    expect(webhookUrl(' https://partner.example.org/hooks?x=1 ', 'production')).toBe('https://partner.example.org/hooks?x=1');
    const refused = (url: string) => {
      try {
        webhookUrl(url, 'production');
        return undefined;
      } catch (error) {
        return (error as { extensions: { code: string; field: string } }).extensions;
      }
    };
    for (const url of [
      'http://partner.example.org/hooks',
      'https://localhost/hooks',
      'https://api.localhost/hooks',
      'https://127.0.0.1/hooks',
      'https://10.0.0.5/hooks',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hooks',
      'https://[fd00::1]/hooks',
      'https://user:secret@partner.example.org/hooks',
      'https://partner.example.org/hooks#part',
      'ftp://partner.example.org/hooks',
      'not a url',
      '',
      `https://partner.example.org/${'x'.repeat(2000)}`,
    ]) {
      expect([url, refused(url)]).toEqual([url, { code: 'BAD_USER_INPUT', field: 'url' }]);
    }
  });

  it('allows http://localhost in development only', () => {
    expect(webhookUrl('http://localhost:8080/hooks', 'development')).toBe('http://localhost:8080/hooks');
    expect(webhookUrl('http://127.0.0.1:8080/hooks', 'development')).toBe('http://127.0.0.1:8080/hooks');
    expect(() => webhookUrl('http://partner.example.org/hooks', 'development')).toThrow(/https/);
    expect(() => webhookUrl('http://localhost:8080/hooks', 'production')).toThrow(/https/);
  });
});
