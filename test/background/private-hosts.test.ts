/** Hosts hover verification never reaches (src/background/services/private-hosts.ts). */
import { describe, expect, it } from 'vitest';
import { blockPrivateHosts, isPrivateHost } from '../../src/background/services/private-hosts.ts';

const host = (url: string) => new URL(url).hostname;

describe('private hosts', () => {
  it.each([
    'http://127.0.0.1:8787/x', 'http://127.1/x', 'http://0x7f.0.0.1/x', 'http://2130706433/x', 'http://0.0.0.0/x',
    'http://10.1.2.3/x', 'http://172.16.0.1/x', 'http://172.31.255.255/x', 'http://192.168.1.1/x', 'http://169.254.169.254/latest/meta-data',
    'http://100.64.0.1/x', 'http://[::1]/x', 'http://[::]/x', 'http://[fc00::1]/x', 'http://[fd12:3456::1]/x', 'http://[fe80::1]/x',
    'http://[::ffff:127.0.0.1]/x', 'http://[::ffff:10.0.0.1]/x', 'http://localhost/x', 'http://LOCALHOST./x', 'http://api.localhost/x',
    'http://printer.local/x', 'http://vault.internal/x', 'http://router/x',
  ])('%s is refused', (url) => expect(isPrivateHost(host(url))).toBe(true));

  it.each([
    'https://api.badgr.io/x', 'http://8.8.8.8/x', 'http://172.32.0.1/x', 'http://172.15.0.1/x', 'http://192.169.0.1/x', 'http://[2001:db8::1]/x',
    'http://[::ffff:8.8.8.8]/x', 'https://local.example/x', 'https://internal.example.com/x',
  ])('%s is not', (url) => expect(isPrivateHost(host(url))).toBe(false));

  it('fails the fetch before it starts, except for the origins allowed', async () => {
    const asked: string[] = [];
    const f = blockPrivateHosts(async (url) => (asked.push(url), new Response('{}')), ['http://127.0.0.1:8787']);
    await expect(f('http://192.168.0.1/admin')).rejects.toThrow('192.168.0.1 is on a local or private network: hover verification does not reach it');
    await expect(f('http://127.0.0.1:9999/x')).rejects.toBeInstanceOf(TypeError);
    await f('http://127.0.0.1:8787/public/assertions/a');
    await f('https://issuer.example/a');
    expect(asked).toEqual(['http://127.0.0.1:8787/public/assertions/a', 'https://issuer.example/a']);
  });
});
