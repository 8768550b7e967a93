/**
 * `refreshService` (OB 3.0 verification.md step 3, 1EdTech VCCR-10): Lanyard verifies the
 * credential as presented and does not call the service (a request to a URL the credential names
 * would tell its holder's activity to whoever runs it). Reported as the `refresh` check.
 *
 * Entry point: `checkRefresh(credential)` → NoteOutcome, or null when there is no refresh service.
 */
import { arr, isObj, str, types, type Json } from '../formats/json-util.ts';
import { shorten } from '../display.ts';
import type { NoteOutcome } from './types.ts';

export function checkRefresh(credential: Json): NoteOutcome | null {
  const services = arr(credential.refreshService).filter(isObj);
  if (services.length === 0) return null;
  const s = services[0]!;
  const what = `${types(s.type)[0] ?? 'a refresh service'}${str(s.id) ? ` at ${shorten(str(s.id)!, 120)}` : ''}`;
  return { outcome: 'warning', message: `The credential names ${what}; it was not called, and the credential was verified as presented` };
}
