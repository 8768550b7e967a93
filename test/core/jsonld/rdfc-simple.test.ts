import { readdirSync, readFileSync } from 'node:fs';
import { canonize as rdfc, NQuads } from 'rdf-canonize';
import { describe, expect, it } from 'vitest';
import { defaultGraphOf } from '../../../src/core/jsonld/nquads-read.ts';
import { canonicalSimple, canonizeSimple, serializeQuad } from '../../../src/core/jsonld/rdfc-simple.ts';
import type { Quad, Term } from '../../../src/core/jsonld/rdf-terms.ts';
import { createMessageDigest } from '../../../src/core/proofs/sha256.ts';

const DIR = new URL('../../fixtures/w3c/rdf-canon/', import.meta.url);
const full = (quads: Quad[]) => rdfc(quads, { algorithm: 'RDFC-1.0', createMessageDigest });

describe('RDFC-1.0 without the N-degree step (jsonld/rdfc-simple.ts)', () => {
  it('gives the W3C rdf-canon expected output whenever it answers, and declines the graphs that need Hash N-Degree Quads', async () => {
    const names = readdirSync(DIR).filter((f) => f.endsWith('-in.nq'));
    expect(names.length).toBeGreaterThan(60);
    let answered = 0;
    let declined = 0;
    for (const name of names) {
      const test = name.slice(0, -'-in.nq'.length);
      const expectedFile = `${test}-rdfc10.nq`;
      // test075 uses SHA-384; the poison graphs (no expected output) only have to be declined or agree with rdf-canonize.
      if (test === 'test075') continue;
      const quads = NQuads.parse(readFileSync(new URL(name, DIR), 'utf8')) as Quad[];
      const simple = canonizeSimple(quads);
      const expected = readdirSync(DIR).includes(expectedFile) ? readFileSync(new URL(expectedFile, DIR), 'utf8') : undefined;
      if (simple === undefined) {
        declined++;
        continue;
      }
      answered++;
      // The statements the signed reading is given are the ones it would read back from the lines, in their order.
      expect(canonicalSimple(quads)!.statements(), test).toEqual(defaultGraphOf(simple));
      if (expected !== undefined) expect(simple, test).toBe(expected);
      else expect(simple, test).toBe(await full(quads));
    }
    // Both branches are exercised by the suite: the simple graphs and the ones with twin blank nodes.
    expect(answered).toBeGreaterThan(20);
    expect(declined).toBeGreaterThan(10);
  });

  it('agrees with rdf-canonize on random datasets (blank node cycles, graphs, literals needing escapes)', async () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const lits = ['x', 'a"b', 'line\nbreak', 'tab\tback\\slash', 'é€😀', '', '\u0001'];
    let answered = 0;
    for (let round = 0; round < 400; round++) {
      const nodes = 1 + rnd(6);
      const bnode = (): Term => ({ termType: 'BlankNode', value: `_:b${rnd(nodes)}` });
      const iri = (): Term => ({ termType: 'NamedNode', value: `http://ex.test/${rnd(4)}${rnd(3) === 0 ? ' <>' : ''}` });
      const quads: Quad[] = [];
      for (let i = 0, n = 1 + rnd(12); i < n; i++) {
        const k = rnd(4);
        const object: Term = k === 0 ? bnode() : k === 1 ? iri() : { termType: 'Literal', value: lits[rnd(lits.length)]!, datatype: { termType: 'NamedNode', value: rnd(2) ? 'http://www.w3.org/2001/XMLSchema#string' : 'http://ex.test/dt' } };
        const g = rnd(5);
        const graph: Term = g === 0 ? bnode() : g === 1 ? iri() : { termType: 'DefaultGraph', value: '' };
        quads.push({ subject: rnd(3) ? bnode() : iri(), predicate: { termType: 'NamedNode', value: `http://ex.test/p${rnd(3)}` }, object, graph });
      }
      if (rnd(4) === 0 && quads.length) quads.push({ ...quads[0]! }); // a duplicate quad, as a distinct object
      const simple = canonizeSimple(quads);
      if (simple === undefined) continue;
      answered++;
      expect(simple, JSON.stringify(quads)).toBe(await full(quads));
      expect(canonicalSimple(quads)!.statements(), JSON.stringify(quads)).toEqual(defaultGraphOf(simple));
    }
    expect(answered).toBeGreaterThan(100);
  });

  it('declines labels rdf-canonize would keep (c14n…) and blank node predicates', () => {
    const named = (value: string): Term => ({ termType: 'NamedNode', value });
    const dg: Term = { termType: 'DefaultGraph', value: '' };
    expect(canonizeSimple([{ subject: { termType: 'BlankNode', value: 'c14n0' }, predicate: named('http://ex.test/p'), object: named('http://ex.test/o'), graph: dg }])).toBeUndefined();
    expect(canonizeSimple([{ subject: named('http://ex.test/s'), predicate: { termType: 'BlankNode', value: 'b0' }, object: named('http://ex.test/o'), graph: dg }])).toBeUndefined();
  });

  it('writes each quad as rdf-canonize NQuads.serializeQuadComponents does (every escape, datatypes, languages, graphs)', () => {
    const texts = ['plain', 'a"b', 'b\\s', 'l\nb', 't\tc', 'cr\r', 'bs\b', 'ff\f', 'del\u007f', 'nul\u0000', 'us\u001f', 'é€😀', ''];
    const iris = ['http://ex.test/a', 'http://ex.test/ a', 'http://ex.test/<{|}>^`\\"', 'urn:x\u0000y'];
    const dts = ['http://www.w3.org/2001/XMLSchema#string', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString', 'http://ex.test/dt', 'http://ex.test/d t'];
    const graphs: Term[] = [{ termType: 'DefaultGraph', value: '' }, { termType: 'BlankNode', value: 'g1' }, ...iris.map((value): Term => ({ termType: 'NamedNode', value }))];
    let n = 0;
    for (const text of texts)
      for (const dt of dts)
        for (const language of [undefined, '', 'en-gb'])
          for (const iri of iris)
            for (const graph of graphs) {
              const object: Term = { termType: 'Literal', value: text, datatype: { termType: 'NamedNode', value: dt }, ...(language === undefined ? {} : { language }) };
              const s: Term = n % 2 ? { termType: 'NamedNode', value: iri } : { termType: 'BlankNode', value: 'b0' };
              const p: Term = { termType: 'NamedNode', value: iri };
              for (const o of [object, { termType: 'NamedNode', value: iri } as Term, { termType: 'BlankNode', value: 'x' } as Term]) {
                expect(serializeQuad(s, p, o, graph)).toBe(NQuads.serializeQuadComponents(s, p, o, graph));
                n++;
              }
            }
    expect(n).toBeGreaterThan(2000);
  });
});
