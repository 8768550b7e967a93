/**
 * The matches of a global regular expression, found in linear work where the expression starts with
 * a run that decides its failure: a name before `=` (an attribute), before `:` (a declaration). Retried
 * from each character of a run that fails, such an expression took the run's length squared (a 2 MB
 * picture: hours; a 64 KiB page head: 7 s). `re` is tried at a place (sticky, `y`); where it fails,
 * `skip` (sticky) says what no match can start in, since each start there fails as the first did.
 * The matches are those of `text.matchAll` with `re` global, but where `skip` passes over more than the
 * failing start (core/verify/alternate-link.ts: a failing attribute that starts at `-`, a digit or `.` skips the
 * letters after it, so `-href=x` yields no `href`, as the HTML tokenizer reads one attribute name there).
 */
export function linearMatches(re: RegExp, skip: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (let at = 0; at < text.length; ) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m) {
      out.push(m);
      // An empty match (none of the callers' expressions makes one) moves on all the same.
      at = Math.max(at + 1, re.lastIndex);
    } else {
      skip.lastIndex = at;
      skip.exec(text);
      at = Math.max(at + 1, skip.lastIndex);
    }
  }
  return out;
}
