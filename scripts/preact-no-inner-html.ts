/**
 * Vite plugin: Preact's renderer sets `element.innerHTML` for one prop only, `dangerouslySetInnerHTML`.
 * Lanyard never uses that prop (badge text is hostile: it is rendered as text, never as markup), so
 * the path is dead code, but addons-linter (web-ext lint) rightly flags an innerHTML assignment from a
 * dynamic value in the Firefox package. This plugin
 *   - fails the build if any of our sources mentions dangerouslySetInnerHTML, and
 *   - replaces Preact's one `x.innerHTML = y.__html` with a throw, failing the build if Preact's code
 *     no longer has exactly one such assignment (so an upgrade cannot silently undo it).
 */
import type { Plugin } from 'vite';

const PREACT = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;
const ASSIGN = /\b([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\b/g;

export function preactWithoutInnerHtml(): Plugin {
  return {
    name: 'lanyard:preact-without-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (PREACT.test(id)) {
        const found = code.match(ASSIGN) ?? [];
        if (found.length !== 1) this.error(`preact-without-inner-html: expected one innerHTML assignment in ${id}, found ${found.length}`);
        return { code: code.replace(ASSIGN, 'void (()=>{throw new Error("dangerouslySetInnerHTML is not supported")})()'), map: null };
      }
      if (!id.includes('node_modules') && /[\\/]src[\\/]/.test(id) && code.includes('dangerouslySetInnerHTML')) {
        this.error(`${id} uses dangerouslySetInnerHTML: render text, not markup (see scripts/preact-no-inner-html.ts)`);
      }
      return null;
    },
  };
}
