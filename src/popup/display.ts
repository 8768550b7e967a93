/**
 * The popup shows a badge's words through core/share/display.ts: every field an issuer wrote has
 * its bidi and other controls made visible and is cut to a readable length, once, where the data
 * arrives (the list and the badge detail), so no screen can forget. URLs are left as they are:
 * they only become links through safeHttpUrl(). A badge without a name gets the user's words for
 * it there too, in the popup's language. A text the badge gives in several languages (VC DM 2.0
 * §11.1, `texts`) is shown in the reader's languages (the browser's, PopupEnv `languages`;
 * core/share/lang-text.ts chooseText: fr-CA → fr, else the first), its base direction
 * (`@direction`) kept in `dirs` for the element's `dir`.
 */
import { MAX_OTHER_IDENTIFIERS } from '../core/formats/ob3-profile.ts';
import { NAMELESS_KEY } from '../core/share/badge-name.ts';
import { displayOptional, displayText, hasVisibleText } from '../core/share/display.ts';
import { chooseText, chooseTexts } from '../core/share/lang-text.ts';
import type { AccountView, BadgeDetail, BadgeView, EmailView } from '../messaging/views.ts';
import type { Translate } from './i18n.ts';

const NAME = 300;
const o = displayOptional;

/** An issuer's name as shown, or none for one that shows as nothing (display.ts hasVisibleText: a row of U+2800 left a blank where the issuer goes). */
const visibleName = (text: string | undefined): string | undefined => (hasVisibleText(text) ? displayText(text, NAME) : undefined);

/** A badge's name, or for one without a name the user's words for why (core/share/badge-name.ts); `noName` stays, for what is shared. */
export const shownName = (b: Pick<BadgeView, 'name' | 'noName'>, t: Translate): string => {
  const why = noNameOf(b);
  return why ? t(NAMELESS_KEY[why]) : displayText(b.name, NAME);
};

/** Why a badge has no name: the background's reason, or for a name that shows as nothing (only spaces, controls, braille blanks: display.ts hasVisibleText) 'untitled', as badge-name.ts storedName reads it. */
const noNameOf = (b: Pick<BadgeView, 'name' | 'noName'>): BadgeView['noName'] => b.noName ?? (hasVisibleText(b.name) ? undefined : 'untitled');

export function viewForDisplay<T extends BadgeView>(b: T, t: Translate, languages?: string | readonly string[]): T {
  const { texts: _texts, ...rest } = b;
  const { pick, dirs } = chooseTexts(b.texts, languages);
  // A name in the reader's language that shows as nothing gives way to the stored one; none showing is no name, kept in noName for what is shared.
  const noName = hasVisibleText(pick.name?.value) ? b.noName : noNameOf(b);
  return {
    ...(rest as T),
    ...(dirs ? { dirs } : {}),
    ...(noName ? { noName } : {}),
    name: noName || !hasVisibleText(pick.name?.value) ? shownName({ name: b.name, noName }, t) : displayText(pick.name.value, NAME),
    description: o(pick.description?.value ?? b.description),
    issuerName: visibleName(pick.issuerName?.value ?? b.issuerName),
    tags: b.tags.slice(0, 50).map((t) => displayText(t, 80)),
    recipient: b.recipient === null ? null : displayText(b.recipient, NAME),
  };
}

/**
 * An account's words are a backpack's: the provider's name is its discovery document's title (OB 3.0
 * `info.title`, a Badge Connect manifest's `name`), the user its profile's name or address, the
 * verified addresses what it says. A hostile backpack writes them as an issuer writes a badge.
 */
export function accountForDisplay(a: AccountView): AccountView {
  return {
    ...a,
    providerName: displayText(a.providerName, NAME),
    user: displayText(a.user, NAME),
    ...(a.verifiedAddresses ? { verifiedAddresses: a.verifiedAddresses.slice(0, 100).map((x) => displayText(x, NAME)) } : {}),
  };
}

/** An account's address is the backpack's words too (Badgr v1 `GET /user/emails`): shown through displayText like the account's. */
export const emailForDisplay = (e: EmailView): EmailView => ({ ...e, email: displayText(e.email, NAME) });

/** An object whose every member is the issuer's words (a result's name, value, bounds, level and points; an address): each through displayText. */
function wordsForDisplay<T extends object>(x: T): T {
  return Object.fromEntries(Object.entries(x).filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, displayText(v as string, NAME)])) as T;
}

export function detailForDisplay(b: BadgeDetail, t: Translate, languages?: string | readonly string[]): BadgeDetail {
  const narrative = b.texts?.narrative ? chooseText(b.texts.narrative, languages)?.value : undefined;
  return {
    ...viewForDisplay(b, t, languages),
    ...(b.criteria ? { criteria: { ...b.criteria, narrative: o(narrative ?? b.criteria.narrative) } } : {}),
    ...(b.narrative === undefined ? {} : { narrative: o(b.narrative) }),
    ...(b.achievementType === undefined ? {} : { achievementType: displayText(b.achievementType, NAME) }),
    // A result's name, value and level are the issuer's words; its status one of OB 3.0's, put in words by the page.
    ...(b.results === undefined ? {} : { results: b.results.map(({ status, ...words }) => ({ ...wordsForDisplay(words), ...(status === undefined ? {} : { status }) })) }),
    ...(b.fieldOfStudy === undefined ? {} : { fieldOfStudy: displayText(b.fieldOfStudy, NAME) }),
    ...(b.specialization === undefined ? {} : { specialization: displayText(b.specialization, NAME) }),
    evidence: b.evidence.map((e) => ({ ...e, name: o(e.name, NAME), description: o(e.description), narrative: o(e.narrative), genre: o(e.genre, NAME), audience: o(e.audience, NAME) })),
    alignments: b.alignments.map((a) => ({
      ...a,
      targetName: displayText(a.targetName, NAME),
      targetDescription: o(a.targetDescription),
      targetFramework: o(a.targetFramework, NAME),
      targetCode: o(a.targetCode, NAME),
    })),
    issuerEmail: o(b.issuerEmail, NAME),
    // The issuer's address and identifiers are its words, every part of them (OB 3.0 §Address, §IdentifierEntry).
    ...(b.issuerAddress === undefined ? {} : { issuerAddress: wordsForDisplay(b.issuerAddress) }),
    ...(b.issuerIds === undefined ? {} : { issuerIds: b.issuerIds.slice(0, MAX_OTHER_IDENTIFIERS).map(wordsForDisplay) }),
    claimedRecipients: b.claimedRecipients.map((r) => ({ ...r, identity: displayText(r.identity, NAME) })),
    checks: b.checks.map((c) => ({ ...c, message: displayText(c.message) })),
    ...(b.typedTo === undefined ? {} : { typedTo: displayText(b.typedTo, NAME) }),
  };
}
