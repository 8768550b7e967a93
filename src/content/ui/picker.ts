/**
 * The badge picker: a small panel in a closed shadow root, next to the button that opened it.
 * Search by name or issuer (the background filters), images, and each badge's status in words
 * (mark, text and accessible name, never colour alone); arrows and Enter pick, Escape or a click
 * outside close. A badge that is not valid is not used at once: the share screen's warning
 * (core/share/warning.ts, computed by the background: PickerBadge.warning) comes first, in the
 * same words (shareWarn*, the deciding check's sentence), with "Use it anyway" and "Choose another". Plain DOM, loaded on demand
 * (src/content/actions/), in the browser's language (src/content/i18n.ts).
 */
import { ask } from '../messages.ts';
import type { PickerBadge } from '../../messaging/views.ts';
import { errorWords, tx } from '../i18n.ts';
import { h } from './h.ts';
import { row, warningText } from './picker-row.ts';
import { mountShadow, NO_PAGE_PSEUDO, ownDirection, type ShadowUi } from './shadow.ts';
import { place } from './place.ts';
import { fromUser } from './user.ts';
import { BACK } from './press.ts';
import { guard } from './armed.ts';
import { say } from './quiet.ts';
import { inTransition, keepOnTop } from './top-layer.ts';
import { shield } from '../dom/key-shield.ts';
import { hitsHost, showRow, within } from './panel-box.ts';
import { seenOutside } from '../dom/flat.ts';

export interface PickerOptions {
  /** The button that opened it, which gets the focus back when the user closes it (ui-api.ts Opening). */
  anchor: HTMLElement;
  title: string;
  /** Acts on the chosen badge; a returned string is an error to show (the picker stays open). */
  onPick(badge: PickerBadge): Promise<string | void>;
  /** The feature's signal: the picker closes with it. */
  signal?: AbortSignal;
  /** Where to mount it: inside a modal that keeps the focus to itself, else the document's root. */
  container?: Element | null;
}

const CSS =
  // One size whatever it holds: a page can hit-test where the host is painted (elementFromPoint), and a panel
  // that grew with its rows would tell it how many badges the user holds, or match what the user types.
  '.p{position:fixed;z-index:2147483647;width:340px;height:min(400px,calc(100vh - 16px));display:flex;flex-direction:column;background:#fff;color:#1d2430;' +
  'border:1px solid #c4c9d0;border-radius:10px;box-shadow:0 8px 28px #0003;overflow:hidden}' +
  'b,bdi{unicode-bidi:isolate}' +
  'header{display:flex;align-items:center;justify-content:space-between;padding:8px 10px;font-weight:600}' +
  'header button{border:0;background:none;cursor:pointer;font-size:16px}' +
  // Its controls' colours are its own: with the system's (`color-scheme: normal`), the page's <meta name="color-scheme"
  // content="dark"> drew the search dark and the buttons' words light on white (attack37).
  'input{margin:0 10px 6px;padding:6px 8px;border:1px solid #c4c9d0;border-radius:6px;background:#fff}input,button{color:inherit}' +
  '.s{padding:0 10px 6px;color:#5a6270}ul{list-style:none;margin:0;padding:0 4px 6px;overflow:auto}' +
  'li{display:flex;gap:8px;align-items:center;padding:6px;border-radius:6px;cursor:pointer}' +
  'li[aria-selected=true],li:hover{background:#eef3fb}img,.n{width:36px;height:36px;flex:none;border-radius:4px;object-fit:contain;background:#f1f3f5}' +
  '.t{flex:1;min-width:0}.t b,.t small{display:block;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}small{color:#5a6270}' +
  '.m{flex:none;max-width:96px;font-size:12px;text-align:end}.m i{font-style:normal;font-weight:700;font-size:14px}.valid{color:#137333}.invalid{color:#c5221f}.indeterminate{color:#8a4b00}.unverified{color:#5a6270}' +
  '.w{margin:0 10px 8px;padding:8px;border-radius:6px;background:#fdf3e1;color:#1d2430;overflow-wrap:anywhere;max-height:200px;overflow:auto}.w.invalid{background:#fce8e6}' +
  '.a{display:flex;gap:8px;justify-content:flex-end;padding:0 10px 10px}.a button{border:1px solid #8a8f98;border-radius:16px;background:#fff;padding:4px 12px;cursor:pointer}' +
  'button:focus-visible,li:focus-visible{outline:2px solid #0a66c2;outline-offset:1px}';

let open: { close(): void } | null = null;

export function openPicker(o: PickerOptions): { close(): void } {
  open?.close();
  const ui: ShadowUi = mountShadow('picker', CSS + ownDirection() + NO_PAGE_PSEUDO);
  const life = new AbortController();
  const search = tx('contentPickerSearch');
  const input = h('input', { type: 'search', placeholder: search, 'aria-label': search });
  const status = h('div', { class: 's', role: 'status' }, tx('contentPickerLoading'));
  const list = h('ul', { role: 'listbox', 'aria-label': tx('contentPickerList') });
  const close = h('button', { type: 'button', 'aria-label': tx('contentPickerClose') }, '×');
  // Before a badge that is not valid is used: the warning, and the choice (hidden until then).
  const warning = h('div', { class: 'w', role: 'alert' });
  const anyway = h('button', { type: 'button' }, tx('contentPickerConfirm'));
  const back = h('button', { type: 'button' }, tx('contentPickerBack'));
  const confirm = h('div', { hidden: '' }, warning, h('div', { class: 'a' }, back, anyway));
  const panel = h('div', { class: 'p', role: 'dialog', 'aria-label': o.title }, h('header', {}, o.title, close), input, status, confirm, list);
  ui.root.append(panel);
  (o.container ?? document.documentElement).append(ui.host);
  // Above whatever the page paints, as the hover card (top-layer.ts): an overlay at the highest z-index painted after
  // the host covered it, and where the browser cannot tell what covers the panel (Firefox) a see-through one that let
  // clicks through picked a badge unseen. A page that keeps raising its own above it closes it.
  // Closed after this task: a first raise the page cancels calls it before the picker is made. On top but not hit where
  // it is drawn (inert outside the page's modal dialog: its clicks went to the page's element under it): closed too.
  // Raised again above what the page put over it: a click made while it was covered picks nothing, the next ones once it has been seen (armed.ts).
  const top = keepOnTop(ui.host, () => queueMicrotask(() => self.close()), { usable: () => hitsHost(panel, ui.host), raisedAgain: () => armed.changed() });
  place(panel, o.anchor, 340, 400);
  // A pick acts only once the panel has been shown, unmoved and as Lanyard drew it, for a while (armed.ts: clickjacking).
  const armed = guard(panel, fromUser, (yes) => (yes ? panel.setAttribute('data-armed', '') : panel.removeAttribute('data-armed')));
  top?.watch(panel);
  /**
   * What the status line above the rows says. New words there move every row under a still pointer while the panel stays
   * put (armed.ts sees no move): a page that faded it at a person's press and unfaded it at once got its refusal said, and
   * the double click's second click picked the row that slid under the pointer (attack33). So a pick waits again.
   */
  let told = tx('contentPickerLoading');
  const tell = (text: string) => {
    say(status, text);
    if (text !== told) (told = text), armed.changed();
  };

  let badges: PickerBadge[] = [];
  let active = 0;
  /** The badge whose warning is shown, waiting for "Use it anyway". */
  let confirming: PickerBadge | null = null;
  let seq = 0;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  const self = {
    close() {
      life.abort();
      clearTimeout(debounce);
      armed.stop();
      top?.stop();
      ui.host.remove();
      if (open === self) open = null;
    },
  };
  open = self;
  /**
   * The user's Escape or × closes it: the focus goes back to the button that opened it (WAI-ARIA APG dialog pattern; it
   * fell to the body, 23 Shift+Tabs from "Add badge" in Gmail), before the panel goes, and counts as the user's own there:
   * press.ts lets a key press a button only where the user's Tab brought the focus (attack39), and these keys never
   * reach it (the key shield). Marked on this world's wrapper of the host only during this call (press.ts BACK).
   */
  const giveBack = () => {
    const a = o.anchor as HTMLElement & Record<typeof BACK, boolean>;
    a[BACK] = true;
    a.focus();
    a[BACK] = false;
    self.close();
  };
  o.signal?.addEventListener('abort', self.close, { signal: life.signal });

  const select = (i: number) => {
    active = Math.max(0, Math.min(i, badges.length - 1));
    list.querySelectorAll('li').forEach((li, j) => li.setAttribute('aria-selected', String(j === active)));
    const li = list.children[active];
    if (li) showRow(list, li);
  };
  const render = () => {
    list.replaceChildren(...badges.map(row));
    tell(badges.length ? '' : tx(input.value ? 'contentPickerNoMatch' : 'contentPickerEmpty'));
    select(0);
    // Other rows under the pointer: a click meant for the old ones must not pick a new one.
    armed.changed();
  };
  const load = async () => {
    const mine = ++seq;
    const r = await ask('picker/list', { query: input.value.trim().slice(0, 200) });
    if (mine !== seq || life.signal.aborted) return;
    if (!r.ok) return void tell(errorWords(r.error));
    badges = r.value;
    render();
  };
  const showList = (show: boolean) => {
    input.hidden = list.hidden = !show;
    confirm.hidden = show;
    // The warning's "Use it anyway" may appear under the pointer that picked the row: a double click does not use it unread.
    armed.changed();
  };
  const unconfirm = () => {
    confirming = null;
    showList(true);
    input.focus();
  };
  const pick = async (i: number, confirmed = false) => {
    const b = badges[i];
    if (!b) return;
    // Something the page put above the panel since it was last looked at (a popover in its shadow root, Firefox): raised now, not picked.
    const why = top?.refusal() ?? armed.check();
    if (why) {
      // Too soon or just moved: the next click acts. A pop-up the site keeps open (Firefox, top-layer.ts):
      // every pick waits until it is closed, so the user is told to close it. A view transition ends by itself: try again
      // in a moment. Drawn otherwise by the page: say so.
      const words = why === 'popup' ? 'contentPickerSitePopup' : why === 'transition' ? 'contentPickerTransition' : 'contentPickerHidden';
      if (why !== 'too-soon' && why !== 'moved') tell(tx(words));
      return void console.warn(`[lanyard] the picker ignored a pick: ${why}`);
    }
    if (b.warning && !confirmed) {
      confirming = b;
      warning.className = `w ${b.warning.level}`;
      say(warning, warningText(b.warning));
      tell('');
      showList(false);
      // The safe choice has the focus: Enter does not share a badge the viewer cannot trust.
      back.focus();
      return;
    }
    confirming = null;
    showList(true);
    tell(tx('contentPickerWorking'));
    const err = await o.onPick(b);
    if (life.signal.aborted) return;
    if (typeof err === 'string') tell(err);
    else self.close();
  };

  const on = { signal: life.signal };
  close.addEventListener('click', (e) => (fromUser(e) ? giveBack() : self.close()), on);
  back.addEventListener('click', (e) => void (fromUser(e) && unconfirm()), on);
  anyway.addEventListener('click', (e) => void (fromUser(e) && confirming && pick(badges.indexOf(confirming), true)), on);
  // The page can edit the search while it has the focus (document.execCommand('insertText'): a trusted `input`, but no
  // `beforeinput`, which editing commands never fire: Input Events 2 §4.1) and so choose the rows under the person's
  // pointer; an edit the person's typing, pasting, dropping or composing did not announce, the same kind with the same
  // text (a page that cancelled the person's keystroke made its own edit in its stead), is undone (attack33). Emptied
  // (the search's own clear button) shows every badge, as the picker opened.
  let typed = '';
  let announced = '';
  const edit = (e: Event) => `${(e as InputEvent).inputType}\n${(e as InputEvent).data}`;
  const onBeforeInput = (e: Event) => void (announced = fromUser(e) ? edit(e) : '');
  const onInput = (e: Event) => {
    if (edit(e) !== announced && input.value) return void (input.value = typed);
    announced = '';
    typed = input.value;
    clearTimeout(debounce);
    debounce = setTimeout(() => void load(), 150);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // A key an input method is composing with is its own (UI Events §4.3.3 isComposing; keyCode 229 where a browser
    // says only "Process"): Enter commits the text, Escape cancels it, arrows choose among its candidates.
    if (!fromUser(e) || e.isComposing || e.keyCode === 229) return;
    // A key the focus inside the panel did not take is not the picker's: a page that gives the host a tabindex and
    // focuses it (at the user's typing in its message) had the key shield hand the user's next Enter here, picking
    // the first row into its editor (attack39). The page cannot put the focus inside the closed root.
    if (!ui.root.activeElement) return;
    if (confirming) {
      // Escape goes back to the list; Enter and Space are the focused button's own.
      if (e.key !== 'Escape') return;
      unconfirm();
    } else if (e.key === 'Escape') giveBack();
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') select(active + (e.key === 'ArrowDown' ? 1 : -1));
    // Enter alone picks: with Ctrl, Meta, Alt or Shift it is a shortcut meant for the site (Gmail's Ctrl+Enter sends), not
    // a pick; the site does not hear it either while the key shield holds the picker's keys (dom/key-shield.ts).
    // On ×, Enter is the button's own (it closes): it went to the selected row (a pick, or its warning).
    else if (e.key === 'Enter' && !(e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) && ui.root.activeElement !== close) void pick(active);
    else return;
    e.preventDefault();
  };
  input.addEventListener('beforeinput', onBeforeInput, on);
  input.addEventListener('input', onInput, on);
  panel.addEventListener('keydown', onKeyDown, on);
  // Typing in the search must not reach the site's keyboard shortcuts (Gmail's "c" composes), nor its capturing
  // listeners, which heard what the user searched for: the window's first listener (keys-first.ts, document_start)
  // stops each event while the focus (or a drag's pointer) is here and hands it to these (dom/key-shield.ts). Where that script did not run
  // first, the panel's own listeners act, and the site's bubbling ones at least hear nothing.
  shield({
    // At its host (this world's own composedPath; put by the page in a closed root of its own, that root's host: attack38),
    // or, but for a drag (drag*, drop: where the pointer is, which a drop on the page's own drop zone is not: unheard
    // there, the browser opened the dropped file in the tab), focused here.
    holds: (e) => e.composedPath().includes(seenOutside(ui.host)) || (!e.type.startsWith('dr') && ui.root.activeElement !== null),
    deliver: (e) => (e.type === 'keydown' ? onKeyDown(e as KeyboardEvent) : e.type === 'beforeinput' ? onBeforeInput(e) : e.type === 'input' ? onInput(e) : undefined),
  }, life.signal);
  for (const t of ['keydown', 'keyup', 'keypress']) panel.addEventListener(t, (e) => e.stopPropagation(), on);
  list.addEventListener('click', (e) => {
    if (!fromUser(e)) return;
    const li = (e.target as Element).closest('li');
    if (li) void pick(Number(li.dataset.i));
  }, on);
  // An image that does not load becomes the plain placeholder (error does not bubble: capture it).
  list.addEventListener('error', (e) => {
    if (e.target instanceof HTMLImageElement) e.target.replaceWith(h('span', { class: 'n' }));
  }, { capture: true, signal: life.signal });
  document.addEventListener('mousedown', (e) => {
    if (e.composedPath().includes(ui.host)) return;
    // Under the page's view transition the press finds the document wherever it is (top-layer.ts): one on the panel
    // as drawn is the user's, meant for it, and does not close it; it acts once the transition has ended (attack36).
    if (inTransition() && within(panel, e as MouseEvent)) return void tell(tx('contentPickerTransition'));
    self.close();
  }, { capture: true, signal: life.signal });

  void load();
  input.focus();
  return self;
}
