/** Files picked or dropped, as the protocol's ImportSource (base64: structured clone of bytes is not portable). */
import type { ImportSource } from '../../messaging/protocol.ts';

/** Baked images are small; anything larger is not a badge and would only strain messaging. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

export const IMPORT_ACCEPT = '.png,.svg,.json,.jws,.jwt,.txt,image/png,image/svg+xml,application/json';

export async function fileToSource(file: Blob & { name: string }): Promise<ImportSource> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode(...all) overflows the stack on large files.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { kind: 'file', name: file.name, base64: btoa(binary) };
}
