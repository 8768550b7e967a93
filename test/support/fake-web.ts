/** A tiny in-memory web for engine tests: URL → JSON or status. Anything else is unreachable. */
import type { Fetch } from '../../src/core/verify/context.ts';

export type Page = { json: unknown } | { status: number; body?: string } | { bytes: Uint8Array; type: string };

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
  fetch: Fetch = async (url) => {
    this.requested.push(url);
    const page = this.pages.get(url.replace(/#.*$/, ''));
    if (!page) throw new TypeError(`fetch failed: ${url} is unreachable`);
    if ('json' in page) return new Response(JSON.stringify(page.json), { status: 200, headers: { 'content-type': 'application/ld+json' } });
    if ('bytes' in page) return new Response(page.bytes as Uint8Array<ArrayBuffer>, { status: 200, headers: { 'content-type': page.type } });
    return new Response(page.body ?? '', { status: page.status });
  };
}
