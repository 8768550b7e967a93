/**
 * A CLR 2.0 credential baked into its image, as 1EdTech's validator reads one (DCPV inspector-vc
 * PngParser Keys.CLR20 `clrcredential`, SvgParser QNames.CLR20 {https://purl.imsglobal.org/clr/v2p0}credential):
 * it was refused as "no badge data", though the same credential as JSON is read. Baked, it is judged
 * exactly as the JSON it carries.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { buildPng, itxt } from './png-builder.ts';

const json = readFileSync(new URL('../../fixtures/real/1edtech-dcpv/clr20_simple.json', import.meta.url), 'utf8');
const opts = { fetch: async (): Promise<Response> => { throw new Error('offline'); }, now: new Date('2026-06-01T00:00:00Z'), identities: [] };
const summary = (r: Awaited<ReturnType<typeof verify>>) => ({ verdict: r.verdict, format: r.format, checks: r.checks.map((c) => [c.id, c.outcome]) });

describe('a baked CLR 2.0 credential', () => {
  it('in a PNG (iTXt clrcredential) and in an SVG (clr:credential) is read and judged as its JSON', async () => {
    const alone = summary(await verify(json, opts));
    expect(alone.format).toBe('ob3.0-data-integrity');
    const png = buildPng(itxt('clrcredential', json));
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:clr="https://purl.imsglobal.org/clr/v2p0"><clr:credential><![CDATA[${json}]]></clr:credential></svg>`;
    for (const baked of [png, new TextEncoder().encode(svg)]) {
      const r = await verify(baked, opts);
      expect(r.checks.find((c) => c.id === 'parse')?.outcome).toBe('pass');
      expect(summary(r)).toEqual(alone);
    }
  });
});
