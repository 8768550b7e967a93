/**
 * One of our sentences with an issuer's words in it ("Share “<name>”"): each of those words is
 * isolated in a <bdi> (HTML §4.5.23; UAX #9 isolates), its direction taken from its own text, so
 * an Arabic or Hebrew badge name keeps its order and does not reorder the sentence around it.
 * Called as `<Sentence text={t('shareTitle', slot(0))} words={[name]} />`: the message is
 * translated with a slot (a private-use character, never in our messages) where each word goes.
 */
import type { ComponentChildren } from 'preact';

const FIRST = 0xe000;
const SLOTS = /([\uE000-\uE00F])/;

/** The placeholder for the `i`th issuer's word in a message. */
export const slot = (i: number): string => String.fromCharCode(FIRST + i);

export function Sentence({ text, words }: { text: string; words: readonly string[] }) {
  const parts: ComponentChildren[] = text.split(SLOTS).map((part, i) => {
    if (!SLOTS.test(part)) return part;
    return <bdi key={i} dir="auto">{words[part.charCodeAt(0) - FIRST] ?? ''}</bdi>;
  });
  return <>{parts}</>;
}
