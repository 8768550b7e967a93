/**
 * decodeBase64url (keys/base64url.ts) where the runtime has Uint8Array.fromBase64 (browsers; not Node
 * 20): fromBase64 skips ASCII white space (TC39 proposal-arraybuffer-base64, "skip ASCII
 * whitespace"), the table decoder Node 20 runs refuses it. A JWK's `x` or an ecdsa-sd proof value
 * with a space in it must be refused in the extension as the command-line verifier refuses it.
 * The native decoder is stood in for by Buffer's, which is forgiving in the same way.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

type Decode = (s: string) => Uint8Array;
const holder = Uint8Array as unknown as { fromBase64?: (s: string, o: object) => Uint8Array };

async function withNative(): Promise<Decode> {
  holder.fromBase64 = (s: string) => new Uint8Array(Buffer.from(s.replace(/\s/g, ''), 'base64url'));
  vi.resetModules();
  return (await import('../../../src/core/keys/base64url.ts')).decodeBase64url;
}

afterEach(() => {
  delete holder.fromBase64;
  vi.resetModules();
});

describe('decodeBase64url with a native fromBase64', () => {
  it('decodes the alphabet as the table decoder does', async () => {
    const decode = await withNative();
    expect([...decode('AQID')]).toEqual([1, 2, 3]);
    expect([...decode('-_8')]).toEqual([251, 255]);
  });

  it('refuses white space, padding and the + and / of base64 before the native decoder sees them', async () => {
    const decode = await withNative();
    for (const s of [' AQID', 'AQ ID', 'AQID\n', 'AQ\tID', 'AQI=', 'AQ+/', 'AQ.D']) expect(() => decode(s), JSON.stringify(s)).toThrow(TypeError);
  });
});
