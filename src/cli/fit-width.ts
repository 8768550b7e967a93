/**
 * The human report on a terminal, in lines the terminal never wraps itself. A terminal wraps a line
 * longer than its width at the last column (ECMA-48 leaves it to the device; xterm's auto-wrap,
 * DECAWM, is on by default), so the text after column 80 of a badge's name begins a line of its own:
 * a forged badge named `x…x` (71 letters) `VALID  Harvard University` showed, under its own
 * `INVALID`, a line reading "VALID  Harvard University  [ob2.0-hosted]". Here each report line is cut
 * before the terminal's width, and every line after the first of it starts with CONTINUED, so a
 * badge's words never begin a line nor stand where a verdict or a check's mark stands.
 *
 * CONTINUED starts with a Latin word: a terminal that finds a row's direction from its first strong
 * character (UAX #9 P2/P3; the terminal working group's BiDi recommendation lets a terminal
 * autodetect it, Konsole does) would lay out a row of an issuer's Arabic then `VALID…` right to left,
 * with `VALID…` at its left edge. Every line of the report starts with a Latin word too.
 *
 * Widths are counted high (every character past ASCII as two columns: wide CJK, emoji and East
 * Asian Ambiguous characters take two in some terminals), so a cut line is always shorter than the
 * terminal, never longer. A line is cut between code points, never inside a surrogate pair.
 */
export const CONTINUED = '  (cont.) ';

const cells = (cp: number): number => (cp < 0x7f ? 1 : 2);
const CONTINUED_CELLS = [...CONTINUED].reduce((n, c) => n + cells(c.codePointAt(0)!), 0);

/** Each line of `text` in pieces of at most `columns - 1` columns, the pieces after the first behind CONTINUED. */
export function fitToWidth(text: string, columns: number | undefined): string {
  // Too narrow to hold CONTINUED and some text, or no terminal: as it is.
  if (!columns || !Number.isFinite(columns) || columns < CONTINUED_CELLS + 10) return text;
  const room = columns - 1;
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let piece = '';
      let used = 0;
      for (const ch of line) {
        const w = cells(ch.codePointAt(0)!);
        if (used + w > room) {
          out.push(piece);
          piece = CONTINUED;
          used = CONTINUED_CELLS;
        }
        piece += ch;
        used += w;
      }
      out.push(piece);
      return out.join('\n');
    })
    .join('\n');
}
