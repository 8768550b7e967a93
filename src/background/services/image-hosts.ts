/**
 * Badge pictures on a local or private network are not handed to the popup or the pickers. Both
 * load a badge's `image` wherever it points, and an issuer writes it: anyone can issue a badge to
 * the user's address, which a backpack then lists and sync brings in. A picture at
 * `http://192.168.1.1/…` or `http://localhost:8080/…` made the browser send a GET into the user's
 * own network each time the list, the badge page or a picker showed it (a request forgery through
 * an <img>: the reach SECURITY.md "Network reach" refuses hover verification). The rule is
 * private-hosts.ts's, with the same exception: the user's own backpacks' origins (the demo
 * backpack at http://127.0.0.1:8787 keeps its pictures). A card mailed to others never carries one.
 */
import type { Db } from '../../platform/db.ts';
import { isPrivateHost } from './private-hosts.ts';

/**
 * The image, unless it is an http(s) URL on a local or private host outside `own` origins. Read
 * with the URL parser, as the renderers do (it drops tabs, newlines and leading spaces, so
 * " ht\ttp://10.0.0.1/" is that host); anything else (data: pictures) is left to the renderers' checks.
 */
export function reachableImage(image: string | undefined, own: readonly string[]): string | undefined {
  if (image === undefined) return undefined;
  let u: URL;
  try {
    u = new URL(image.trim());
  } catch {
    return image;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return image;
  return own.includes(u.origin) || !isPrivateHost(u.hostname) ? image : undefined;
}

/** The origins of the user's backpacks (their base URLs). */
export async function ownOrigins(db: Pick<Db, 'accounts'>): Promise<string[]> {
  return (await db.accounts.all()).flatMap((a) => (URL.canParse(a.baseUrl) ? [new URL(a.baseUrl).origin] : []));
}
