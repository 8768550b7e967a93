/**
 * The Markdown reader on hostile input (issue 12 point 11): milliseconds to parse 200 000
 * characters of each pathological family of test/fixtures/hostile/markdown.ts (the median
 * of 5), and the worst of them as `markdown_hostile_200k_ms`. Before the reader was linear,
 * 20 000 `[` took 0.4–1.4 s; 200 000 would have taken about a minute.
 */
import { parseInline } from '../src/core/share/markdown-inline.ts';
import { PATHOLOGICAL } from '../test/fixtures/hostile/markdown.ts';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export default async function bench(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  let worst = 0;
  for (const [name, make] of Object.entries(PATHOLOGICAL)) {
    const src = make(200_000);
    const times: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      parseInline(src);
      times.push(performance.now() - t);
    }
    const ms = Math.round(median(times) * 10) / 10;
    out[`markdown_200k_${name}_ms`] = ms;
    worst = Math.max(worst, ms);
  }
  out.markdown_hostile_200k_ms = worst;
  return out;
}
