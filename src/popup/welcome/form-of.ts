/** The welcome form a sign-in under way belongs to (WelcomeScreen.tsx; the accounts screen's way back to it). */
import type { SignInUnderWay } from '../../messaging/protocol.ts';
import { PARCHMENT_HOSTS } from '../hosts.ts';

/** A password one to a Parchment region's host is Parchment's. */
export function formOf(r: SignInUnderWay): 'badgr' | 'parchment' | 'provider' {
  if (r.kind !== 'badgr') return 'provider';
  return Object.values(PARCHMENT_HOSTS).includes(r.baseUrl) ? 'parchment' : 'badgr';
}
