/**
 * A tiny in-memory web for engine tests: URL → JSON, status, bytes or a redirect. Anything else is
 * unreachable. Redirects are followed as fetch follows them (Fetch §4.4 HTTP-redirect fetch, at most
 * 20): every hop is requested, and the answer carries the URL it ended at and `redirected`, which the
 * engine judges (src/core/verify/fetch-once.ts: same site only; the final URL says whether it came over TLS).
 */
import type { Fetch } from '../../src/core/verify/context.ts';

export type Page = { json: unknown } | { status: number; body?: string } | { bytes: Uint8Array; type: string } | { location: string; status: number };

export class FakeWeb {
  readonly pages = new Map<string, Page>();
  readonly requested: string[] = [];

  json(url: string, json: unknown): this {
    this.pages.set(url, { json });
    return this;
  }
  status(url: string, status: number, body = ''): this {
    this.pages.set(url, { status, body });
    return this;
  }
  /** `from` answers `status` with `Location: to` (relative to `from`). */
  redirect(from: string, to: string, status = 301): this {
    this.pages.set(from, { location: to, status });
    return this;
  }
  fetch: Fetch = async (url) => {
    let at = url;
    for (let hops = 0; ; hops++) {
      this.requested.push(at);
      const page = this.pages.get(at.replace(/#.*$/, ''));
      if (!page) throw new TypeError(`fetch failed: ${at} is unreachable`);
      if ('location' in page) {
        if (hops === 20) throw new TypeError('fetch failed: too many redirects');
        at = new URL(page.location, at).href;
        continue;
      }
      const res = this.answer(page);
      if (hops > 0) Object.defineProperties(res, { url: { value: at }, redirected: { value: true } });
      return res;
    }
  };
  private answer(page: Exclude<Page, { location: string }>): Response {
    if ('json' in page) return new Response(JSON.stringify(page.json), { status: 200, headers: { 'content-type': 'application/ld+json' } });
    if ('bytes' in page) return new Response(page.bytes as Uint8Array<ArrayBuffer>, { status: 200, headers: { 'content-type': page.type } });
    return new Response(page.body ?? '', { status: page.status });
  }
}
