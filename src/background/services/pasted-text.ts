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
import { readDataUrl } from '../../core/input/data-url.ts';
import { ServiceError, ServiceErrorCodes as E } from './errors.ts';

export type Pasted = { kind: 'text'; text: string } | { kind: 'bytes'; bytes: Uint8Array };

const DATA_URL = /^data:[^,]*,/i;

export function readPasted(pasted: string): Pasted {
  if (DATA_URL.test(pasted)) return { kind: 'bytes', bytes: readDataUrl(pasted, unreadable).bytes };
  if (/^https?:\/\/\S+$/i.test(pasted) && pasted.includes('#') && URL.canParse(pasted)) {
    const u = new URL(pasted);
    u.hash = '';
    return { kind: 'text', text: u.href.endsWith('#') ? u.href.slice(0, -1) : u.href };
  }
  return { kind: 'text', text: pasted };
}

const unreadable = (why: string) => new ServiceError(E.NOT_A_BADGE, `This data: link could not be read (${why}), so nothing was added: add the badge's file or its link instead`);
