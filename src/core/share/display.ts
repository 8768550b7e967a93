/**
 * Text from a badge, made safe to read (issue 12 point 12). Bidirectional controls let an issuer
 * reorder what the user reads: a name `\u202Eelif.exe` shows as "exe.file". Every surface (the
 * popup, the content scripts' cards and buttons, the share card and e-mail) shows such text
 * through displayText(), which replaces each control with a visible marker (⟨RLO⟩), so nothing is
 * reordered and the user sees that something was there, and cuts very long text. The renderers
 * also isolate each field (`<bdi>` / `dir="auto"` with `unicode-bidi: isolate`), so right-to-left
 * text stays inside its own field.
 */

/** Unicode bidi controls (UAX #9 §2: embeddings, overrides, isolates, marks) by name. */
const BIDI: Record<string, string> = {
  '\u061C': 'ALM',
  '\u200E': 'LRM',
  '\u200F': 'RLM',
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};

// Bidi controls; C0 and C1 controls but tab and newline; line/paragraph separators; BOM; and
// interlinear annotations. Zero-width joiners stay where writing needs them (below).
// Also the invisible characters that would let an issuer's name look like another's ("Goo\u200Bgle"
// for "Google", a recipient with a hidden character): Unicode's Default_Ignorable_Code_Point set
// (UAX #44; DerivedCoreProperties.txt) less what writing needs (ZWNJ/ZWJ U+200C/U+200D, variation
// selectors, the soft hyphen, CGJ): zero-width space, word joiner and invisible operators, the
// deprecated format characters, the Mongolian vowel separator, the Hangul fillers (blank letters),
// and tag characters (U+E0000–E007F, invisible ASCII) unless they spell an emoji flag (🏴 + tags + U+E007F);
// also the rest of that set, which Chromium draws as nothing too: the Khmer inherent vowels (U+17B4,
// U+17B5), the musical and shorthand format controls (U+1D173–1D17A, U+1BCA0–1BCA3), and the
// code points reserved as ignorable (U+2065, U+FFF0–FFF8, U+E0080–E00FF, U+E01F0–E0FFF).
// The joiners (ZWNJ, ZWJ, the combining grapheme joiner) and the variation selectors stay where
// writing uses them: after a virama (Indic conjuncts), between letters that join (Persian, Arabic),
// in emoji sequences. Between two letters or digits of Latin, Greek or Cyrillic (an accent on the
// first allowed, a run of them as one gap) no script does: "Har\u200Dvard" draws as
// "Harvard"; there they show. UAX #31 §4.3 (RFC 5892 Appendix A.1/A.2) allows ZWJ and ZWNJ only
// after a virama or, ZWNJ, between joining letters, and these scripts' letters neither are viramas
// nor join (ArabicShaping.txt: Joining_Type U). Latin's typographic use (ZWNJ to break a "fi"
// ligature) draws nothing different in a name, so it shows too.
// The joiners: ZWNJ, ZWJ, CGJ, the variation selectors. The letters and digits: Latin (with its
// extended blocks, IPA, phonetic extensions and full-width forms), Greek and Cyrillic, the first
// maybe with accents. A joiner shows after such a
// letter or after another joiner, when such a letter follows within nine, or the word ends there: bounded, so that a long
// run of accents or joiners is read in linear time; a longer run shows its last nine.
// ZWJ and ZWNJ also show after such a letter whatever follows, and before a combining accent
// (U+0300–036F, 1AB0–1AFF, 1DC0–1DFF, FE20–FE2F) after any letter: UAX #31 §4.3 wants a virama or a
// joining letter before them, and neither these letters nor an accent is one (Sinhala's and Bengali's
// ZWJ before their virama stays). At a word's start (the text's, or after a space or ASCII
// punctuation) a joiner has nothing before it to join or to vary, and shows (a variation selector
// only after a space or the start: "#\uFE0F\u20E3" is a keycap, UTS #51 §1.4.6). The combining
// grapheme joiner before an accent keeps its one use (Unicode §23.2, it blocks canonical reordering).
// A soft hyphen shows at a word's edge, where no line is broken inside the word (Unicode §6.2).
// Built from regular expressions' sources (a String.raw beside non-ASCII text is refused by the build).
const LETTER = /[A-Za-z0-9\u00C0-\u02AF\u0370-\u03FF\u0400-\u052F\u1D00-\u1DBF\u1E00-\u1FFF\u2C60-\u2C7F\uA720-\uA7FF\uAB30-\uAB6F\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A][\u0300-\u036F]{0,4}/.source;
const JOINER = /(?:[\u200C\u200D\u034F\u180B-\u180D\u180F\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF])/.source;
/** A word's edge: a space or ASCII punctuation. */
const EDGE = /[\s!-\/:-@[-`{-~]/.source;
const ZW = /[\u200C\u200D]/.source;
/** ZWNJ, ZWJ and CGJ: the joiners that vary nothing. */
const STRONG = /[\u200C\u200D\u034F]/.source;
const SPACE = /\s/.source;
const SOFT_HYPHEN = /\u00AD/.source;
const ACCENT = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\uFE20-\uFE2F]/.source;
/**
 * The joiners, variation selectors and soft hyphens that show (the rules above), as a regular
 * expression's source: the command line's report escapes the same ones (cli/terminal.ts), since a
 * terminal draws a joiner as nothing too.
 */
export const SHOWN_JOINERS = [
  `(?<=${LETTER}|${JOINER})${JOINER}(?=${JOINER}{0,8}(?:${LETTER}|${EDGE}|$))`,
  `(?<=${LETTER})${ZW}`,
  `${ZW}(?=${ACCENT})`,
  `(?<=(?:^|${EDGE})${JOINER}{0,8})${STRONG}`,
  `(?<=(?:^|${SPACE})${JOINER}{0,8})${JOINER}`,
  `(?<=^|${EDGE})${SOFT_HYPHEN}|${SOFT_HYPHEN}(?=${EDGE}|$)`,
].join('|');
const CONTROLS = new RegExp(
  [
    /\uD83C\uDFF4(?:\uDB40[\uDC20-\uDC7E])+\uDB40\uDC7F|[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFF9-\uFFFB\u200B\u2060-\u2065\u206A-\u206F\u180E\u115F\u1160\u3164\uFFA0\u17B4\u17B5\uFFF0-\uFFF8]|\uDB40[\uDC00-\uDCFF\uDDF0-\uDFFF]|[\uDB41-\uDB43][\uDC00-\uDFFF]|\uD834[\uDD73-\uDD7A]|\uD82F[\uDCA0-\uDCA3]/.source,
    SHOWN_JOINERS,
  ].join('|'),
  'g',
);
const NAMES: Record<string, string> = { ...BIDI, '\u200B': 'ZWSP', '\u2060': 'WJ', '\u200C': 'ZWNJ', '\u200D': 'ZWJ' };
/** A flag's tag sequence matches CONTROLS first, so that its tags are not taken one by one; it stays. */
const isFlag = (m: string): boolean => m.length > 2;

/**
 * The most combining marks kept in a row. A long run ("Zalgo" text), in a font that stacks marks on
 * marks (OpenType mkmk), draws above and below its letter over the lines around it: an issuer's name
 * over the popup's "Issuer's site: evil.example" line under it.
 * No writing stacks more on one letter (Vietnamese two, Hebrew with cantillation five, Tibetan six);
 * the rest of a run is left out and counted in a marker, ⟨U+0332×92⟩.
 */
export const MAX_MARKS = 8;
const MARK_RUN = new RegExp(`\\p{M}{${MAX_MARKS + 1},}`, 'gu');
const capMarks = (run: string): string => {
  const marks = [...run];
  return `${marks.slice(0, MAX_MARKS).join('')}⟨U+${marks[MAX_MARKS]!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}×${marks.length - MAX_MARKS}⟩`;
};

/** Each run of more than MAX_MARKS combining marks cut to MAX_MARKS and counted (⟨U+0332×92⟩); the command line's report does the same. */
export const capMarkRuns = (text: string): string => text.replace(MARK_RUN, capMarks);

/** The longest text shown for one field; the rest is cut with "…" (a 1 MB name is not a name). */
export const MAX_DISPLAY_CHARS = 2000;

const marker = (c: string): string =>
  isFlag(c) ? c : `⟨${NAMES[c] ?? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`}⟩`;

/**
 * True when the text shows something beyond controls and spaces: a name of only bidi controls or
 * invisible characters names nothing, and would be shared as a row of markers (⟨RLO⟩). Nor does one
 * of braille blanks (U+2800, a symbol every font draws as nothing: the "blank name"), which is not
 * marked where it stands, since braille text spaces its words with it.
 */
export const hasVisibleText = (text: string | undefined | null): text is string =>
  typeof text === 'string' && text.slice(0, MAX_DISPLAY_CHARS * 2).replace(CONTROLS, (c: string) => (isFlag(c) ? c : '')).replace(/\u2800/g, '').trim() !== '';

/** True when the text holds a control that displayText() would make visible. */
export const hasHiddenControls = (text: string): boolean => [...text.matchAll(CONTROLS)].some((m) => !isFlag(m[0]));

/**
 * The text as it may be shown: every bidi or other control replaced with a visible marker
 * (⟨RLO⟩, ⟨U+0007⟩), cut to `max` characters (never inside a surrogate pair).
 */
export const displayText = (text: string | undefined | null, max = MAX_DISPLAY_CHARS): string => shown(text, max);

/** displayText, but the controls at the offsets `kept` stay. */
function shown(text: string | undefined | null, max: number, kept?: ReadonlySet<number>): string {
  if (typeof text !== 'string' || !text) return '';
  let t = text.length > max * 2 ? text.slice(0, max * 2) : text;
  t = t.replace(CONTROLS, (c: string, at: number) => (kept?.has(at) ? c : marker(c)));
  t = capMarkRuns(t);
  if (t.length > max) t = `${t.slice(0, cutAt(t, max)).trimEnd()}…`;
  return t;
}

/**
 * An isolate around words holding no other bidi control: what Lanyard puts around an issuer's word
 * in one of its plain sentences (bidi.ts inSentence), after that word was shown through displayText.
 */
const ISOLATE = /[\u2066-\u2068][^\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]+\u2069/g;

/**
 * displayText for one of Lanyard's plain sentences (the e-mail's subject and body: mail.ts): the
 * isolates around its words stay (a balanced isolate reorders nothing outside it, UAX #9 §2.7), one
 * a cut leaves open is closed after the "…"; every other control shows.
 */
export function displaySentence(text: string, max = MAX_DISPLAY_CHARS): string {
  const kept = new Set<number>();
  // Found in the whole text: an isolate the first slice cuts keeps its opening, closed below.
  for (const m of text.matchAll(ISOLATE)) kept.add(m.index).add(m.index + m[0].length - 1);
  const t = shown(text, max, kept);
  const open = (t.match(/[\u2066-\u2068]/g)?.length ?? 0) - (t.match(/\u2069/g)?.length ?? 0);
  return open > 0 ? t + '\u2069'.repeat(open) : t;
}

/** Line breaks (CR, LF, VT, FF, NEL, U+2028/9) and tabs; then runs of spaces. Two linear passes: one pattern for "spaces, a break, spaces" backtracks over every run of spaces, quadratic time on a name of a million spaces. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
const SPACES = / {2,}/g;

/**
 * A name as one line, for a one-line field (LinkedIn's certification form: linkedin.ts) or inside
 * one of Lanyard's sentences (card.ts earnedSentence, the shared text and the e-mail): each line
 * break or tab a space, each run of spaces one, trimmed. An issuer's line break in the user's
 * sentence started a line, a paragraph even, that read as the user's own ("P.S. …").
 */
export const oneLine = (text: string): string => text.replace(BREAKS, ' ').replace(SPACES, ' ').trim();

/** Made at the first cut, not when a script loads (ICU's break data is read then): most text is never cut. */
let segmenter: Intl.Segmenter | null | undefined;
const graphemesOf = (): Intl.Segmenter | null =>
  (segmenter ??= typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null);

/**
 * Where to cut `t` to at most `max` UTF-16 units: at the last user-perceived character boundary
 * (UAX #29 grapheme clusters), so an emoji sequence (👩🏽‍💻) or a letter with its accent (é as
 * e + U+0301) is kept whole or left out, never split into a different character; without
 * Intl.Segmenter, at least never inside a surrogate pair.
 */
function cutAt(t: string, max: number): number {
  const graphemes = graphemesOf();
  if (graphemes) {
    let end = 0;
    for (const { index, segment } of graphemes.segment(t.slice(0, max + 64))) {
      if (index + segment.length > max) break;
      end = index + segment.length;
    }
    return end;
  }
  const code = t.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/** displayText() for an optional field: undefined stays undefined. */
export const displayOptional = (text: string | undefined, max?: number): string | undefined => (text === undefined ? undefined : displayText(text, max));
