/**
 * What an OB 3.0 issuer Profile says of where and who the issuer is, beyond its name: its postal
 * address (§Profile `address`, §Address) and its other identifiers (§Profile `otherIdentifier`,
 * §IdentifierEntry). Each value is the issuer's text as written, read only when it is a string
 * (the specification types every one of them as a String); nothing is a link.
 */
import type { OtherIdentifier, PostalAddress } from '../model.ts';
import { arr, isObj, str } from './json-util.ts';
import { firstText } from './lang-text.ts';

/** An issuer may list any number of identifiers: the badge keeps this many. */
export const MAX_OTHER_IDENTIFIERS = 10;

/** The §Address members Lanyard shows, in the order a postal address is written. */
export const ADDRESS_PARTS = ['streetAddress', 'postOfficeBoxNumber', 'addressLocality', 'addressRegion', 'postalCode', 'addressCountry'] as const;

/** A text worth showing: a string with something in it but space. */
const shown = (v: unknown): string | undefined => {
  const s = firstText(v);
  return s?.trim() ? s : undefined;
};

/**
 * §Address: street, post office box, locality, region, postal code, country. Neither `geo` nor
 * `addressCountryCode` is shown: the OB 3.0 context states the code as `…#CountryCode`, not under its
 * member's name, so under a proof it could not be told signed as a country code (proofs/signed-display.ts).
 * Undefined when it gives none of them.
 */
export function addressOf(v: unknown): PostalAddress | undefined {
  if (!isObj(v)) return undefined;
  const out: PostalAddress = {};
  for (const k of ADDRESS_PARTS) {
    const x = shown(v[k]);
    if (x) out[k] = x;
  }
  return Object.keys(out).length ? out : undefined;
}

/** §IdentifierEntry list: each with both its `identifierType` and its `identifier` (both required), at most MAX_OTHER_IDENTIFIERS. */
export function otherIdentifiersOf(v: unknown): OtherIdentifier[] | undefined {
  const out: OtherIdentifier[] = [];
  for (const e of arr(v).filter(isObj)) {
    const identifierType = shown(str(e.identifierType));
    const identifier = shown(str(e.identifier));
    if (identifierType && identifier) out.push({ identifierType, identifier });
    if (out.length === MAX_OTHER_IDENTIFIERS) break;
  }
  return out.length ? out : undefined;
}
