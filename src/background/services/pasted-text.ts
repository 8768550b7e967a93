/**
 * What a text pasted into "Add a badge" stands for, read as the user meant it:
 *  - a `data:` URL (RFC 2397: `data:[<mediatype>][;base64],<data>`), as copied from a page's image
 *    or a tool's output, is the bytes it carries: a baked PNG or SVG, JSON or a JWS, read and kept
 *    as a file would be. It was refused as "neither JSON, a compact JWS nor an http(s) URL";
 *  - an http(s) link with a #fragment is the same badge as the link without it: a fragment is never
 *    sent to the server (RFC 3986 §3.5), and the badge's id names no fragment, so the fragment made
 *    a second entry, checked against an id it could never equal.
 * Anything else is the text itself.
 */
import { ServiceError, ServiceErrorCodes as E } from './errors.ts';

export type Pasted = { kind: 'text'; text: string } | { kind: 'bytes'; bytes: Uint8Array };

const DATA_URL = /^data:([^,]*),/i;

export function readPasted(pasted: string): Pasted {
  const m = DATA_URL.exec(pasted);
  if (m) return { kind: 'bytes', bytes: dataBytes(pasted.slice(m[0].length), /;\s*base64\s*$/i.test(m[1]!)) };
  if (/^https?:\/\/\S+$/i.test(pasted) && pasted.includes('#') && URL.canParse(pasted)) {
    const u = new URL(pasted);
    u.hash = '';
    return { kind: 'text', text: u.href.endsWith('#') ? u.href.slice(0, -1) : u.href };
  }
  return { kind: 'text', text: pasted };
}

const unreadable = (why: string) => new ServiceError(E.NOT_A_BADGE, `This data: link could not be read (${why}), so nothing was added: add the badge's file or its link instead`);

/** RFC 2397 §3: the data, base64 (white space, as an e-mail wraps it, left out) or percent-encoded octets. */
function dataBytes(data: string, base64: boolean): Uint8Array {
  if (base64) {
    const clean = decodeURIComponentSafe(data).replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) throw unreadable('its base64 is broken');
    const binary = atob(clean.replace(/=+$/, '').padEnd(Math.ceil(clean.replace(/=+$/, '').length / 4) * 4, '='));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  }
  const out: number[] = [];
  const utf8 = new TextEncoder();
  for (let i = 0; i < data.length; ) {
    if (data[i] === '%') {
      const hex = data.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw unreadable('a % is not followed by two hexadecimal digits');
      out.push(parseInt(hex, 16));
      i += 3;
    } else {
      const cp = data.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      out.push(...utf8.encode(ch));
      i += ch.length;
    }
  }
  return Uint8Array.from(out);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw unreadable('its base64 is broken');
  }
}
