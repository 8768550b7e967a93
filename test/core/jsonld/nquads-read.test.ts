import { describe, expect, it } from 'vitest';
import { readNQuads, termKey } from '../../../src/core/jsonld/nquads-read.ts';

describe('readNQuads (canonical N-Quads back into statements)', () => {
  it('reads IRIs, blank nodes, typed and language literals, and named graphs', () => {
    const nq = [
      '_:c14n1 <https://www.w3.org/2018/credentials#validUntil> "2025-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .',
      '<urn:a> <https://schema.org/name> "say \\"hi\\"\\n\\u0001 <b> _:x"@en _:c14n0 .',
      '<urn:a> <https://www.w3.org/2018/credentials#credentialStatus> <https://s.example/l#5> .',
      '',
    ].join('\n');
    const [date, name, status] = readNQuads(nq);
    expect(date).toEqual({ subject: { blank: '_:c14n1' }, predicate: 'https://www.w3.org/2018/credentials#validUntil', object: { literal: '2025-01-01T00:00:00Z' }, graph: '' });
    expect(name?.object).toEqual({ literal: 'say "hi"\n\u0001 <b> _:x' });
    expect(name?.graph).toBe('_:c14n0');
    expect(status && termKey(status.object)).toBe('https://s.example/l#5');
    expect(readNQuads(nq)).toHaveLength(3);
  });
});
