/**
 * One pass over an inline text that finds every closer an opener may look for, so the inline
 * parser never scans ahead from each opener (which made a run of `[` or `*` quadratic, issue 12
 * point 11). Each table is built on first use; a lookup is a binary search.
 */

/** Work done by the Markdown reader, in characters and steps: tests check that it grows linearly. */
export const steps = { n: 0 };
export const markdownSteps = (): number => steps.n;
export const resetMarkdownSteps = (): void => {
  steps.n = 0;
};

const PUNCT = /[!-/:-@[-`{-~]/;
const escapes = (src: string, j: number): boolean => src[j] === '\\' && j + 1 < src.length && PUNCT.test(src[j + 1] as string);

/** The first value ≥ from in a sorted list, or -1. */
function firstFrom(list: readonly number[] | undefined, from: number): number {
  if (!list?.length) return -1;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    steps.n++;
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? (list[lo] as number) : -1;
}

export interface InlineScan {
  /** The start of the next run of exactly `len` backticks at or after `from`, or -1. */
  nextBacktickRun(len: number, from: number): number;
  /** The next `**` (or `__`) at or after `from`, or -1. */
  nextDouble(ch: string, from: number): number;
  /** The next lone `*` (or `_`): not doubled, not escaped, not after a space; or -1. */
  nextSingle(ch: string, from: number): number;
  /** The `]` that closes the `[` at `open` (brackets balanced, escapes skipped), or -1. */
  closingBracket(open: number): number;
}

export function scanInline(src: string): InlineScan {
  let runs: Map<number, number[]> | undefined;
  const doubles = new Map<string, number[]>();
  const singles = new Map<string, number[]>();
  let brackets: Map<number, number> | undefined;

  const buildRuns = (): Map<number, number[]> => {
    const m = new Map<number, number[]>();
    for (let j = 0; j < src.length; j++) {
      steps.n++;
      if (src[j] !== '`') continue;
      let k = j;
      while (src[k] === '`') k++;
      steps.n += k - j;
      const len = k - j;
      if (!m.has(len)) m.set(len, []);
      m.get(len)?.push(j);
      j = k - 1;
    }
    return m;
  };
  const buildDoubles = (ch: string): number[] => {
    const list: number[] = [];
    for (let j = 0; j + 1 < src.length; j++) {
      steps.n++;
      if (src[j] === ch && src[j + 1] === ch) list.push(j);
    }
    return list;
  };
  const buildSingles = (ch: string): number[] => {
    const list: number[] = [];
    for (let j = 0; j < src.length; j++) {
      steps.n++;
      if (escapes(src, j)) j++;
      else if (src[j] === ch) {
        if (src[j + 1] === ch) j++;
        else if (src[j - 1] !== ' ') list.push(j);
      }
    }
    return list;
  };
  const buildBrackets = (): Map<number, number> => {
    const m = new Map<number, number>();
    const open: number[] = [];
    for (let j = 0; j < src.length; j++) {
      steps.n++;
      if (escapes(src, j)) j++;
      else if (src[j] === '[') open.push(j);
      else if (src[j] === ']' && open.length) m.set(open.pop() as number, j);
    }
    return m;
  };

  return {
    nextBacktickRun(len, from) {
      runs ??= buildRuns();
      return firstFrom(runs.get(len), from);
    },
    nextDouble(ch, from) {
      if (!doubles.has(ch)) doubles.set(ch, buildDoubles(ch));
      return firstFrom(doubles.get(ch), from);
    },
    nextSingle(ch, from) {
      if (!singles.has(ch)) singles.set(ch, buildSingles(ch));
      return firstFrom(singles.get(ch), from);
    },
    closingBracket(openAt) {
      brackets ??= buildBrackets();
      steps.n++;
      return brackets.get(openAt) ?? -1;
    },
  };
}
