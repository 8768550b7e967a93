/**
 * lastSegment (proofs/statements.ts) keeps the segments it cut, by IRI (issue 14: it is asked of every
 * statement's predicate several times a Data Integrity verification). Kept or not, the answer is the
 * text after the IRI's last `#` or `/`.
 */
import { describe, expect, it } from 'vitest';
import { lastSegment } from '../../../src/core/proofs/statements.ts';

const cut = (iri: string): string => iri.slice(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);

describe('lastSegment', () => {
  it('cuts after the last # or /, the same on every call, beyond the 1,024 IRIs it keeps and for IRIs too long to keep', () => {
    const iris = [
      'https://www.w3.org/2018/credentials#validUntil', 'https://w3id.org/security#expiration', 'https://schema.org/name', 'urn:uuid:1234', '',
      'https://example.org/a/b#', 'https://example.org/a/b/', 'plain', `https://example.org/${'x'.repeat(300)}#long`, 'https://example.org/#a/b',
      ...Array.from({ length: 3000 }, (_, i) => (i % 2 ? `https://example.org/v${i}#term${i}` : `https://example.org/v/${i}/term${i}`)),
    ];
    for (let pass = 0; pass < 3; pass++) for (const iri of iris) expect(lastSegment(iri), iri).toBe(cut(iri));
    expect(lastSegment('https://www.w3.org/2018/credentials#validUntil')).toBe('validUntil');
    expect(lastSegment('https://example.org/#a/b')).toBe('b');
  });
});
