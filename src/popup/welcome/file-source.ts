/** Files picked or dropped, as the protocol's ImportSource (base64: structured clone of bytes is not portable). */
import type { ImportSource } from '../../messaging/protocol.ts';
import type { MessageKey } from '../i18n.ts';

/** Baked images are small; anything larger is not a badge and would only strain messaging. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;
/** The longest file name a message carries (src/messaging/validate.ts). */
const MAX_NAME = 255;

export const IMPORT_ACCEPT = '.png,.svg,.svgz,.json,.jsonld,.jws,.jwt,.txt,image/png,image/svg+xml,application/json,application/ld+json';

export function bytesToSource(name: string, bytes: Uint8Array): ImportSource {
  let binary = '';
  // In slices: String.fromCharCode(...all) overflows the stack on large files.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { kind: 'file', name, base64: btoa(binary) };
}

/** One picked file, read when its turn comes: its source, or why it is not sent (a message key). */
export type FileRead = { ok: true; source: ImportSource } | { ok: false; name: string; error: MessageKey };

/**
 * Reads one file for import. A file that cannot be read is refused by itself, never failing the
 * others: Chromium lists a dropped folder in `dataTransfer.files`, and reading it (or a file deleted
 * or changed since it was picked) rejects (File API §4 "read errors": NotFoundError, NotReadableError).
 * An empty file is not a badge (the worker's guard would refuse it as a bad request); the size is
 * checked again on the bytes read, as `File.size` is only what it was when the file was picked.
 */
export async function readFileForImport(file: Blob & { name: string }): Promise<FileRead> {
  const refuse = (error: MessageKey): FileRead => ({ ok: false, name: file.name, error });
  if (file.size > MAX_IMPORT_BYTES) return refuse('errorFileTooLarge');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return refuse('errorFileUnreadable');
  }
  if (bytes.length > MAX_IMPORT_BYTES) return refuse('errorFileTooLarge');
  if (bytes.length === 0) return refuse('errorNotABadge');
  return { ok: true, source: bytesToSource(sentName(file.name), bytes) };
}

/**
 * The name sent with the file: what the worker's guard takes (src/messaging/validate.ts, 1 to 255
 * UTF-16 units). A picture dragged in from a web page is named after its URL, of any length, and
 * such a file was refused as a bad message ("Something went wrong inside Lanyard").
 */
function sentName(name: string): string {
  let out = '';
  for (const ch of name) {
    if (out.length + ch.length > MAX_NAME) break;
    out += ch;
  }
  return out || 'badge';
}

