/**
 * One of our sentences with an issuer's words in it ("Share “<name>”"): each of those words is
 * isolated in a <bdi> (HTML §4.5.23; UAX #9 isolates), its direction taken from its own text, so
 * an Arabic or Hebrew badge name keeps its order and does not reorder the sentence around it.
 * Called as `<Sentence text={t('shareTitle', slot(0))} words={[name]} />`: the message is
 * translated with a slot (a private-use character, never in our messages) where each word goes.
 * A slot may hold a list (the hosts a check could not reach, the addresses a backpack verified): each
 * item isolated on its own; or an element (an e-mail address drawn by ui/Address.tsx, to wrap at its
 * "@"), isolated as a word is.
 */
import type { ComponentChildren, VNode } from 'preact';

const FIRST = 0xe000;
const SLOTS = /([\uE000-\uE00F])/;

/**
 * An issuer's word where no element can go (an <option>'s text): between FIRST STRONG ISOLATE and
 * POP DIRECTIONAL ISOLATE (U+2068, U+2069; UAX #9 §2.7), the same isolate as <bdi dir=auto>.
 * (core/share/bidi.ts `isolated` takes a direction too, for shared sentences; this one stays apart
 * so that the popup's first screen does not load that module's right-to-left letter table.)
 */
export const isolated = (word: string): string => `\u2068${word}\u2069`;

/** The placeholder for the `i`th issuer's word in a message. */
export const slot = (i: number): string => String.fromCharCode(FIRST + i);

export function Sentence({ text, words }: { text: string; words: readonly (string | readonly (string | VNode)[] | VNode)[] }) {
  const parts: ComponentChildren[] = text.split(SLOTS).map((part, i) => {
    if (!SLOTS.test(part)) return part;
    const word = words[part.charCodeAt(0) - FIRST] ?? '';
    if (!Array.isArray(word)) return <bdi key={i} dir="auto">{word}</bdi>;
    return (word as readonly (string | VNode)[]).map((w, j) => [j ? ', ' : '', <bdi key={`${i}.${j}`} dir="auto">{w}</bdi>]);
  });
  return <>{parts}</>;
}
