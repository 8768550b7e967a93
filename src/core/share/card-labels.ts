/**
 * The card's and sentence's words from the extension's messages (public/_locales: cardIssuedBy,
 * shareTextEarned, …), in one place for the popup's share screen and the background's
 * picker/card (what content scripts insert). `message` answers a key with its substitutions, or
 * undefined/'' when it has none: that word stays English (card.ts ENGLISH_LABELS).
 */
import { ENGLISH_LABELS, type CardLabels } from './card.ts';

export type Message = (key: string, ...subs: string[]) => string | undefined;

export function cardLabelsFrom(message: Message): CardLabels {
  const say = (key: string, english: string, ...subs: string[]) => message(key, ...subs) || english;
  const en = ENGLISH_LABELS;
  return {
    issuedBy: (issuer) => say('cardIssuedBy', en.issuedBy(issuer), issuer),
    issuedOn: (date) => say('cardIssuedOn', en.issuedOn(date), date),
    expiresOn: (date) => say('cardExpiresOn', en.expiresOn(date), date),
    expiredOn: (date) => say('cardExpiredOn', en.expiredOn(date), date),
    viewAndVerify: say('cardViewAndVerify', en.viewAndVerify),
    earned: (name) => say('shareTextEarned', en.earned(name), name),
    earnedFrom: (name, issuer) => say('shareTextEarnedFrom', en.earnedFrom(name, issuer), name, issuer),
    verifyAt: (url) => say('shareTextVerifyAt', en.verifyAt(url), url),
    nameless: say('badgeNamelessShared', en.nameless),
    earnedNameless: say('shareTextEarnedNameless', en.earnedNameless),
    earnedNamelessFrom: (issuer) => say('shareTextEarnedNamelessFrom', en.earnedNamelessFrom(issuer), issuer),
  };
}
