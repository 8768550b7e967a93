/** Hosts hover verification never reaches (src/background/services/private-hosts.ts). */
import { describe, expect, it } from 'vitest';
import { createNetworkLog, loggingFetch } from '../../src/background/services/network-log.ts';
import { blockPrivateHosts, isPrivateAddress, isPrivateHost } from '../../src/background/services/private-hosts.ts';

const host = (url: string) => new URL(url).hostname;

describe('private hosts', () => {
  it.each([
    'http://127.0.0.1:8787/x', 'http://127.1/x', 'http://0x7f.0.0.1/x', 'http://2130706433/x', 'http://0.0.0.0/x',
    'http://10.1.2.3/x', 'http://172.16.0.1/x', 'http://172.31.255.255/x', 'http://192.168.1.1/x', 'http://169.254.169.254/latest/meta-data',
    'http://100.64.0.1/x', 'http://[::1]/x', 'http://[::]/x', 'http://[fc00::1]/x', 'http://[fd12:3456::1]/x', 'http://[fe80::1]/x',
    'http://[::ffff:127.0.0.1]/x', 'http://[::ffff:10.0.0.1]/x', 'http://localhost/x', 'http://LOCALHOST./x', 'http://api.localhost/x',
    'http://printer.local/x', 'http://vault.internal/x', 'http://router/x',
    // Issue 12 point 7: local-only names, names that embed an address, and IPv6 forms that carry one.
    'http://nas.lan/x', 'http://box.home/x', 'http://wiki.corp/x', 'http://gw.home.arpa/x', 'http://1.0.0.10.in-addr.arpa/x', 'http://intra.intranet/x',
    'http://10.0.0.1.nip.io/x', 'http://app.192.168.1.1.sslip.io/x', 'http://10-0-0-1.sslip.io/x', 'http://app-127-0-0-1.nip.io/x',
    'http://0a000001.nip.io/x', 'http://anything.xip.io/x', 'http://sslip.io/x', 'http://ec2-8-8-8-8.compute.example/x', 'http://localtest.me/x',
    'http://[fc00::1]/x', 'http://[fdff:ffff::1]/x', 'http://[febf::1]/x', 'http://[ff02::1]/x', 'http://[::ffff:a00:1]/x', 'http://[::ffff:7f00:1]/x',
    'http://[::a00:1]/x', 'http://[::ffff:0:a00:1]/x', 'http://[64:ff9b::a00:1]/x', 'http://[64:ff9b:1::1]/x', 'http://[2002:a00:1::1]/x',
    'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x', 'http://[100::1]/x', 'http://224.0.0.1/x', 'http://255.255.255.255/x', 'http://198.18.0.1/x',
  ])('%s is refused', (url) => expect(isPrivateHost(host(url))).toBe(true));

  it.each([
    'https://api.badgr.io/x', 'http://8.8.8.8/x', 'http://172.32.0.1/x', 'http://172.15.0.1/x', 'http://192.169.0.1/x', 'http://[2001:db8::1]/x',
    'http://[::ffff:8.8.8.8]/x', 'https://local.example/x', 'https://internal.example.com/x',
    'http://[64:ff9b::808:808]/x', 'http://[2002:808:808::1]/x', 'https://lan.example.org/x', 'https://v2.api.example/x', 'https://x1-2-3.example/x',
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

  it('logs each host it refused, so the hover card can name it in the page\'s words (never read from a check\'s text)', async () => {
    const log = createNetworkLog();
    const { fetch } = loggingFetch(blockPrivateHosts(async () => new Response('{}')), log, () => new Date(0));
    await expect(fetch('http://192.168.0.1:8080/a.json')).rejects.toBeInstanceOf(TypeError);
    await fetch('https://issuer.example/a');
    expect(log.privateHosts).toEqual(['192.168.0.1:8080']);
  });

  it('judges resolved addresses, IPv6 with a dotted tail or a zone included', () => {
    for (const a of ['10.0.0.1', '127.0.0.1', '::1', 'fe80::1%eth0', '::ffff:10.0.0.1', 'fd00::5', '64:ff9b::192.168.0.1', 'nonsense']) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '2606:4700::1111', '::ffff:1.1.1.1']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('with a resolver (Firefox dns.resolve), refuses a public name that resolves to a private address', async () => {
    const asked: string[] = [];
    const names: Record<string, string[]> = { 'rebind.example': ['93.184.216.34', '10.0.0.7'], 'issuer.example': ['93.184.216.34'], 'v6.example': ['fd00::1'] };
    const resolve = async (host: string) => {
      const a = names[host];
      if (!a) throw new Error('NXDOMAIN');
      return a;
    };
    const f = blockPrivateHosts(async (url) => (asked.push(url), new Response('{}')), { resolve, allowOrigins: ['https://mine.example'] });
    await expect(f('https://rebind.example/a')).rejects.toThrow('rebind.example is on a local or private network');
    await expect(f('https://v6.example/a')).rejects.toThrow('local or private network');
    await expect(f('https://nowhere.example/a')).rejects.toThrow('could not be resolved');
    await f('https://issuer.example/a');
    await f('https://mine.example/a');
    expect(asked).toEqual(['https://issuer.example/a', 'https://mine.example/a']);
  });
});
