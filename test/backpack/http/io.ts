/**
 * The request and reply types the handlers speak. A request is read in full before it is handled;
 * a handler returns a Reply, which the server writes (after any delay or pause the tests asked for).
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface Req {
  method: string;
  url: URL;
  path: string;
  headers: IncomingHttpHeaders;
  params: Record<string, string>;
  body: Buffer;
  ip: string;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export const header = (req: Req, name: string): string | undefined => {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

export const contentType = (req: Req): string => (header(req, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();

/** The form body, or null when the request is not `application/x-www-form-urlencoded`. */
export function formBody(req: Req): URLSearchParams | null {
  if (contentType(req) !== 'application/x-www-form-urlencoded') return null;
  return new URLSearchParams(req.body.toString('utf8'));
}

/** The JSON body (undefined when absent or unparseable); a form body is read as a flat object, as DRF does. */
export function jsonBody(req: Req): unknown {
  const form = formBody(req);
  if (form) return Object.fromEntries(form);
  if (req.body.length === 0) return undefined;
  try {
    return JSON.parse(req.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export function text(status: number, body: string, type = 'text/plain; charset=utf-8', headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': type, ...headers }, body };
}

export function bytes(body: Buffer, type: string, headers: Record<string, string> = {}): Reply {
  return { status: 200, headers: { 'content-type': type, ...headers }, body };
}

export function redirect(location: string, status = 302): Reply {
  return { status, headers: { location }, body: '' };
}

export function empty(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: '' };
}

/** Django's plain 404 and 500 pages, for paths and failures no API claims. */
export const notFound = (): Reply => text(404, '<h1>Not Found</h1>', 'text/html; charset=utf-8');
export const serverError = (): Reply => text(500, '<h1>Server Error (500)</h1>', 'text/html; charset=utf-8');

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
