/**
 * A scope as a server writes it: space-delimited tokens (RFC 6749 §3.3 "a list of space-delimited,
 * case-sensitive strings"; RFC 7591 §2 "a string containing a space-separated list of scope values";
 * open-badges-verification.md "Registration": space-separated). A comma is a character a scope token
 * may hold (§3.3 scope-token = 1*( %x21 / %x23-5B / %x5D-7E )), so "a,b" is one token, which names
 * nothing Lanyard asked for. But a server that writes its list with commas ("read,profile") grants
 * what Lanyard cannot tell: read as one token it granted nothing, and the sign-in was refused saying
 * the user had not allowed Lanyard to read the badges, which they had. No backpack in the reference
 * writes commas, so it is not guessed at: it is refused, naming the commas.
 */
import { BackpackError, BackpackErrorCodes as C, serverWords } from './errors.ts';

/** The scope's tokens; throws PROTOCOL (detail `scope`) when a token holds, between commas, a scope `asked` names. */
export function scopeList(s: string | undefined, asked: readonly string[] = [], where = 'The answer'): string[] {
  const list = (s ?? '').split(/\s+/).filter(Boolean);
  const commas = list.some((t) => t.includes(',') && t.split(',').some((p) => p !== '' && asked.includes(p) && !list.includes(p)));
  if (commas) throw new BackpackError(C.PROTOCOL, `${where} lists the scopes it granted separated by commas ("${serverWords(s!, 120)}"), where OAuth separates them by spaces (RFC 6749 §3.3): Lanyard cannot tell what the backpack granted; the backpack's answer needs fixing`, { detail: 'scope' });
  return list;
}
