/**
 * A URL that answers a web page (a badge's HTML view: Credly's /badges/{id}, a Badgr UI page) is
 * not the badge's data: nothing was read, so the verdict is indeterminate and says so, never
 * invalid. JSON that a careless server labels text/html is still read.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import type { Fetch } from '../../../src/core/verify/context.ts';
import { assertion, makeIssuer, NOW } from '../formats/ob2-fixtures.ts';

const PAGE = 'https://www.credly.com/badges/0b1e0f5c-1234-4abc-9def-0123456789ab';
const html = (body: string, type = 'text/html; charset=utf-8'): Fetch => async () => new Response(body, { headers: { 'content-type': type } });

describe('a URL that answers a web page', () => {
  it.each([
    ['an HTML media type', '<!DOCTYPE html><html><head><title>Badge</title></head><body></body></html>', 'text/html; charset=utf-8'],
    ['XHTML', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', 'application/xhtml+xml'],
    ['an HTML start under a wrong type', '\uFEFF  <!-- app shell --><!doctype html>\n<html lang="en"><body>hi</body></html>', 'text/plain'],
  ])('is indeterminate, naming the host (%s)', async (_what, body, type) => {
    const r = await verify(PAGE, { fetch: html(body, type), now: NOW });
    expect(r.verdict).toBe('indeterminate');
    const hosted = r.checks.find((c) => c.id === 'hosted')!;
    expect(hosted).toMatchObject({ outcome: 'indeterminate', code: 'ERR_WEB_PAGE' });
    expect(hosted.message).toBe("www.credly.com answered a web page (HTML), not the badge's data: Lanyard cannot check the badge from this link");
    expect(r.checks.some((c) => c.outcome === 'fail')).toBe(false);
  });

  it('still reads an assertion served as text/html, and still fails what is not a badge and not a page', async () => {
    const { web } = await makeIssuer();
    const url = 'https://issuer.test/assertions/1';
    const a = await assertion({ id: url, verification: { type: 'HostedBadge' } });
    const fetch: Fetch = async (u, i) => (u === url ? new Response(JSON.stringify(a), { headers: { 'content-type': 'text/html' } }) : web.fetch(u, i));
    expect((await verify(url, { fetch, now: NOW })).verdict).toBe('valid');
    // Markup that is neither SVG nor an HTML document keeps its parse failure.
    const r = await verify(url, { fetch: html('<note>x</note>', 'application/xml'), now: NOW });
    expect(r.checks.find((c) => c.id === 'structure')?.outcome).toBe('fail');
  });

  it('reads a long run of comments in linear time (no backtracking blow-up)', async () => {
    const body = '<!-- a -->'.repeat(400) + '<!--' + ' -->'.repeat(200);
    const t = performance.now();
    const r = await verify(PAGE, { fetch: html(body, 'text/plain'), now: NOW });
    expect(performance.now() - t).toBeLessThan(2000);
    expect(r.checks.find((c) => c.id === 'structure')?.outcome).toBe('fail');
  });
});
