/** A small method + path router: `/v1/user/emails/:id`; a trailing slash is ignored, as Badgr's URLs allow. */
import type { Reply, Req } from './io.ts';

export type Handler = (req: Req) => Reply | Promise<Reply>;

interface Route {
  method: string;
  parts: string[];
  handler: Handler;
}

export type Match = { handler: Handler; params: Record<string, string> } | { methodNotAllowed: string[] } | null;

export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, parts: split(pattern), handler });
    return this;
  }

  match(method: string, path: string): Match {
    const parts = split(path);
    const allowed: string[] = [];
    for (const r of this.routes) {
      const params = matchParts(r.parts, parts);
      if (!params) continue;
      if (r.method === method || (method === 'HEAD' && r.method === 'GET')) return { handler: r.handler, params };
      allowed.push(r.method);
    }
    return allowed.length ? { methodNotAllowed: allowed } : null;
  }
}

const split = (p: string): string[] => p.split('/').filter((s) => s.length > 0);

function matchParts(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const v = parts[i]!;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(v);
      } catch {
        return null;
      }
    } else if (p !== v) return null;
  }
  return params;
}
