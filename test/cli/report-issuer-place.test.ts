/**
 * The human report says what the badge page says of where and who the issuer says it is: its postal
 * address and other identifiers (OB 3.0 §Profile `address`, `otherIdentifier`), as the issuer's words,
 * escaped for the terminal, after the issuer's name and the site verification placed it at. Real
 * issuers give them: 1EdTech's complete credential (signed, valid) and SURF's model micro-credential.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toText } from '../../src/cli/report.ts';
import type { VerifyResult } from '../../src/core/result.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { bytes, COMPLETE, offlineFetch } from '../support/real-fixtures.ts';

const NOW = new Date('2026-12-06T00:00:00Z');
const placeLines = (text: string) => text.split('\n').filter((l) => /^issuer (postal address|identifier): /.test(l));

describe("the report names the issuer's postal address and identifiers", () => {
  it("1EdTech's complete credential: one address line, one line per identifier, under its issuer", async () => {
    const r = await verify(readFileSync(COMPLETE.file, 'utf8'), { fetch: offlineFetch([COMPLETE.host]), now: NOW, identities: [] });
    const text = toText(r, 'complete.json');
    expect(text.split('\n')[0]).toMatch(/^VALID /);
    expect(placeLines(text)).toEqual(['issuer postal address: 123 First St, 1, Austin, TX, 12345, USA', 'issuer identifier: sourcedId 12345', 'issuer identifier: nationalIdentityNumber 67890']);
    const lines = text.split('\n');
    expect(lines.findIndex((l) => l.startsWith('issuer postal address: '))).toBe(lines.findIndex((l) => l.startsWith('issuer: ')) + 1);
  });

  it("SURF's Harderwijk micro-credential (unsigned, invalid): its address and BRIN number all the same", async () => {
    const r = await verify(bytes('surf-educredentials/data_credentials_uvh_at_microcredential_full_1.json'), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(placeLines(toText(r, 'uvh.json'))).toEqual(['issuer postal address: Kerkplein 42, Harderwijk, 1314 AC, The Netherlands', 'issuer identifier: ext:BRIN UN1VH', 'issuer identifier: name uvh.example.com']);
  });

  it('hostile words are escaped: no control reaches the terminal', () => {
    const badge = { name: 'X', issuer: { name: 'Y', address: { streetAddress: 'Main\u001b[2J St\u202e' }, otherIdentifier: [{ identifierType: 'a\u0007', identifier: '1\n2' }] }, recipients: [] } as unknown as NonNullable<VerifyResult['badge']>;
    const result: VerifyResult = { verdict: 'valid', format: 'ob3.0-data-integrity', recipient: null, badge, input: { kind: 'json', size: 1, sha256: '' }, checks: [] };
    const lines = placeLines(toText(result, 'x.json'));
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).not.toMatch(/[\u0000-\u001f\u007f\u202e]/);
  });

  it('none given: no line', async () => {
    const r = await verify(bytes('mit-learn-obv3-template/programCertificate.10f51e7.json'), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(placeLines(toText(r, 'mit.json'))).toEqual([]);
  });
});
