/**
 * Every JavaScript file of the build written in ASCII: each character above U+007F becomes a
 * \uXXXX escape (one per UTF-16 code unit), which means the same character wherever the minified
 * output has one: in string, template and regular expression literals (ECMA-262 §12.9.4, §12.9.6,
 * §22.2.1: with the u or v flag a \u lead \u trail surrogate pair is one code point) and in
 * identifiers (§12.7). Comments are left as they are only in unminified builds, and they are
 * comments either way.
 *
 * Why (issue 14): V8 and SpiderMonkey keep a script whose text has one character beyond Latin-1 as
 * two-byte source. engine.js carries rdf-canonize's N-Quads regular expression (its Unicode ranges)
 * and a few typographic characters, so all 390 KB of it were read, hashed and handed to every
 * starting service worker as two-byte text: with the same engine.js escaped,
 * bench/support/wake-probe.ts saw background.js start 9.6 ms sooner and the first answer 5.8 ms
 * sooner (21 wakes each, one browser).
 *
 * What does see the text rather than the value: a tagged template's `raw` strings (String.raw`…`),
 * which `asciiSource` refuses beside a non-ASCII character, and a regular expression's `source` or
 * a function's toString, which show the escape (Lanyard reads neither for non-ASCII text).
 */
import type { Plugin } from 'vite';

const NON_ASCII = /[^\x00-\x7f]/g;

export function asciiSource(code: string, file = 'a chunk'): string {
  if (!/[^\x00-\x7f]/.test(code)) return code;
  if (code.includes('String.raw')) throw new Error(`${file}: non-ASCII text beside String.raw, whose raw strings an escape would change`);
  return code.replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The plugin: every chunk's code through asciiSource, after minification (the classic scripts, emitted as assets, went through it in vite.config.ts's iife). */
export function asciiOutput(): Plugin {
  return {
    name: 'lanyard:ascii-output',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const out of Object.values(bundle)) if (out.type === 'chunk') out.code = asciiSource(out.code, out.fileName);
      },
    },
  };
}
