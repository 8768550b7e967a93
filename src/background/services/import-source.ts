/** The bytes an import reads from what the popup sent (a file, or pasted text: a link, a data: link, JSON, a JWS), and whether a link carries credentials. */
import type { ImportSource } from '../../messaging/protocol.ts';
import { hasPngSignature } from '../../core/input/png.ts';
import { decodeText, stripBom, trimText } from '../../core/input/text.ts';
import { fromBase64 } from './base64.ts';
import { badgeDataUrl } from './badge-data-urls.ts';
import { ungzipped } from './gzip-file.ts';
import { readPasted } from './pasted-text.ts';

/** Whether bytes start with `data:` (any case), as a data: link kept in a file does. */
const startsWithDataScheme = (bytes: Uint8Array): boolean => bytes.length > 5 && new TextDecoder().decode(bytes.subarray(0, 5)).toLowerCase() === 'data:';

export async function sourceBytes(source: ImportSource): Promise<Uint8Array> {
  // A badge page whose data lives elsewhere (Credly's www.credly.com/badges/{id}, the link users
  // copy) is read, and kept, by its data's link: fetched as it is, it answered HTML and was kept
  // as "Badge at www.credly.com", never checked (badge-data-urls.ts, the rule hover uses).
  // A data: link is the bytes it carries, a link's #fragment is dropped (pasted-text.ts).
  // A paste too long for a message comes as a file (popup/actions.ts): a data: link there is read the same.
  const file = source.kind === 'file' ? fromBase64(source.base64) : undefined;
  const pastedText = source.kind === 'text' ? trimText(source.text) : file && startsWithDataScheme(file) ? trimText(new TextDecoder().decode(file)) : undefined;
  const pasted = pastedText === undefined ? undefined : readPasted(pastedText);
  return file && !pasted ? await ungzipped(file)
    : pasted?.kind === 'bytes' ? await ungzipped(pasted.bytes)
    : new TextEncoder().encode(pasted?.kind === 'text' ? (badgeDataUrl(pasted.text) ?? pasted.text) : '');
}

/**
 * Whether the input is one http(s) link (as the engine reads links: src/core/input/classify.ts, from
 * text decoded and trimmed as src/core/input/index.ts does, UTF-16 and invisible edges included) that
 * carries a user name or password.
 */
export function linkWithCredentials(bytes: Uint8Array): boolean {
  const decoded = hasPngSignature(bytes) ? undefined : decodeText(bytes);
  if (decoded === undefined) return false;
  const text = trimText(stripBom(decoded));
  if (!/^https?:\/\/\S+$/i.test(text)) return false;
  try {
    const u = new URL(text);
    return u.username !== '' || u.password !== '';
  } catch {
    return false;
  }
}
