/**
 * The local backpack's way in: drop or pick baked PNG/SVG, JSON or JWS files, or paste a URL or
 * a compact JWS. Each is sent to the background, which verifies and stores it. While they are added,
 * Cancel ends the one under way (badges/import-cancel, by its `attempt`: nothing of it is added unless
 * it was being written) and those waiting behind it; what was added before is said, and focus goes to the paste box.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { shownName } from '../display.ts';
import type { ImportedView } from '../../messaging/protocol.ts';
import { useEnv } from '../env.ts';
import { errorDetail, errorText, type ErrorDetail } from '../errors.ts';
import { ErrorDetails } from '../ui/ErrorDetails.tsx';
import { Icon } from '../ui/Icon.tsx';
import { offWhile } from '../ui/busy.ts';
import { takeFiles } from '../ui/file-pick.ts';
import { useDraft } from '../ui/use-draft.ts';
import { Notice } from '../ui/Notice.tsx';
import { AddedSentence, type ImportRun } from '../badge/added-sentence.tsx';
import { displayText } from '../../core/share/display.ts';
import { IMPORT_ACCEPT, readFileForImport } from './file-source.ts';

type Item = { kind: 'text'; text: string } | File;
/** A refusal's own reason, and the file it is about (heard after "Details"). */
type Detail = { about: string; detail: ErrorDetail };

/** The first URL of a dropped text/uri-list (RFC 2483 §5: one per line, `#` lines are comments), else the dropped text. */
function droppedLink(data: DataTransfer | null | undefined): string {
  const uris = (data?.getData('text/uri-list') ?? '').split(/\r?\n/).map((l) => l.trim()).find((l) => l && !l.startsWith('#'));
  return uris ?? (data?.getData('text/plain') ?? '').trim();
}

/**
 * `onImported(badge)`: open the badge's page; `stay`: several were added, said here: only reload the
 * list; `run`: several files, all added, the page opened being the last one's, which says how many.
 */
export function ImportPanel({ onImported }: { onImported(badge: ImportedView, stay?: boolean, run?: ImportRun): void }) {
  const { t, actions } = useEnv();
  // A link or JSON pasted before the popup closed comes back (drafts.ts), until it is added.
  const draft = useDraft('import');
  const [text, setText] = useState(draft.initial?.text ?? '');
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  // `details`: each refusal's own reason that says more than its sentence, under a Details (ErrorDetails.tsx).
  const [result, setResult] = useState<{ kind: 'error' | 'success'; text: ComponentChildren; details?: Detail[] }>();
  // Each answer's Details start closed (keyed by the answer): a new refusal is not shown opened as the last was.
  const answers = useRef(0);
  // A pasted text that was refused stays in the box (nothing is lost), marked and described by the answer.
  const [pasteRefused, setPasteRefused] = useState(false);
  // The answer is under the form, below the fold after a pick from the drop zone: brought into view.
  const answer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) answer.current?.scrollIntoView?.({ block: 'nearest' });
  }, [result]);

  // Each file's error names the file, and what was added is said too: with several files picked,
  // "That is not a badge…" alone did not say which one, nor that the others were added.
  // Files dropped while others are being added join them (a drop cannot be refused like a disabled
  // button: it was ignored, and those files were lost without a word); one answer covers them all.
  const queue = useRef<Item[]>([]);
  const running = useRef(false);
  /** The import under way's id, which its Cancel names (services/attempts.ts). */
  const attempt = useRef<string | undefined>(undefined);
  /** Cancels pressed so far: one pressed while a file is still read (no attempt yet to name) ends that file's turn. */
  const cancels = useRef(0);
  const field = useRef<HTMLTextAreaElement>(null);
  const run = async (items: readonly Item[]) => {
    queue.current.push(...items);
    if (running.current) return;
    running.current = true;
    setBusy(true);
    // The last attempt's answer goes: left under "Adding…", it read as this attempt's (a slow link took seconds).
    setResult(undefined);
    setPasteRefused(false);
    let last: ImportedView | undefined;
    let added = 0;
    // Held already (the same id, link or content): checked again, kept once, and not counted as added.
    let held = 0;
    let several = false;
    const errors: string[] = [];
    const details: Detail[] = [];
    // The pasted text was added: its draft goes (a refused one stays, as it stays in the box).
    let pasted = false;
    const named = (name: string, text: string) => (name ? t('importFileError', displayText(name, 80), text) : text);
    // One at a time, each file read when its turn comes: a file that cannot be read is named and the
    // others still go (file-source.ts), and many large files are not all held in memory at once.
    for (let item = queue.current.shift(); item; item = queue.current.shift()) {
      const turn = cancels.current;
      const read = 'kind' in item ? { ok: true as const, source: item } : await readFileForImport(item);
      // Cancelled while its bytes were read: it was taken from the queue already, and nothing is sent of it.
      if (cancels.current !== turn) continue;
      if (!read.ok) {
        errors.push(named(read.name, t(read.error)));
        continue;
      }
      const id = (attempt.current = crypto.randomUUID());
      const r = await actions.importBadge(read.source, id);
      attempt.current = undefined;
      // Cancelled (Cancel, below): nothing to say of it; the ones waiting were dropped with it.
      if (!r.ok && r.error.code === 'ERR_CANCELLED') continue;
      if (r.ok) {
        if (read.source.kind === 'text' && read.source.text === text.trim()) pasted = true;
        last = r.value;
        const batch = r.value.batch;
        // A presentation or list holding several badges: each counted, the refused ones said (import-batch.ts).
        if (batch) {
          several = true;
          added += batch.added;
          held += batch.held;
          if (batch.refused) errors.push(named(read.source.kind === 'file' ? read.source.name : '', t('importBatchRefused', batch.refused, batch.total)));
        } else if (r.value.alreadyHeld) held++;
        else added++;
      } else {
        const name = read.source.kind === 'file' ? read.source.name : '';
        errors.push(named(name, errorText(t, r.error)));
        const detail = errorDetail(t, r.error);
        if (detail) details.push({ about: displayText(name, 80), detail });
      }
    }
    running.current = false;
    setBusy(false);
    if (pasted) draft.clear();
    setPasteRefused(errors.length > 0 && items.some((s) => 'kind' in s) && text.trim() !== '');
    const counts = [added ? t('importSomeDone', added) : '', held ? t('importSomeAgain', held) : ''];
    answers.current++;
    setResult(errors.length ? { kind: 'error', text: [...counts, ...errors].filter(Boolean).join(' '), details } : several ? { kind: 'success', text: counts.filter(Boolean).join(' ') } : last ? { kind: 'success', text: <AddedSentence t={t} name={shownName(last, t)} again={!!last.alreadyHeld} heldFrom={last.heldFrom} /> } : undefined);
    // Several badges from one presentation or list are said here, and the list reloaded; one badge opens its page.
    // Several files, each one badge, all added: the last one's page opens and says them all (it said only the last).
    if (last) onImported(last, several || errors.length > 0, added + held > 1 ? { added, held } : undefined);
  };
  const cancel = () => {
    // The Cancel goes with the busy state: focus goes to the paste box, never dropped (focus-rescue.ts's rule).
    field.current?.focus();
    queue.current.length = 0;
    cancels.current++;
    if (attempt.current) void actions.cancelImport(attempt.current);
  };
  const files = async (list: FileList | readonly File[] | null | undefined) => {
    if (!list?.length) return;
    await run([...list]);
  };

  return (
    <div class="import">
      <div
        class={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          // A link dragged from a page (no file) is added as if pasted (RFC 2483 text/uri-list: its first URL).
          const link = e.dataTransfer?.files?.length ? '' : droppedLink(e.dataTransfer);
          if (link) void run([{ kind: 'text', text: link }]);
          else void files(e.dataTransfer?.files);
        }}
      >
        <Icon name="upload" size={24} />
        {/* Nothing can be dropped on Firefox's panel either: it closes as soon as another window or the page is used. */}
        {actions.openInTab ? null : <p>{t('importDrop')}</p>}
        {/* Firefox's panel would close at the file picker and lose the pick: the screen opens in a tab (actions.openInTab). */}
        {actions.openInTab ? (
          <>
            <button type="button" class="button" aria-describedby="files-in-tab" onClick={() => actions.openInTab?.('import')}>
              {t('importPick')}
            </button>
            <p class="small muted" id="files-in-tab">{t('filesInTab')}</p>
          </>
        ) : (
          <label class="button">
            {t('importPick')}
            <input class="visually-hidden" type="file" multiple accept={IMPORT_ACCEPT} onChange={(e) => void files(takeFiles(e.currentTarget))} {...offWhile(busy)} />
          </label>
        )}
      </div>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim() && !busy) void run([{ kind: 'text', text: text.trim() }]);
        }}
      >
        <label class="field">
          <span>{t('importPasteLabel')}</span>
          <textarea
            ref={field}
            rows={3}
            value={text}
            placeholder="https://… / eyJ…"
            onInput={(e) => {
              setText(e.currentTarget.value);
              draft.keep({ text: e.currentTarget.value });
              setPasteRefused(false);
            }}
            spellcheck={false}
            {...(pasteRefused ? { 'aria-invalid': 'true', 'aria-describedby': 'import-said' } : {})}
          />
        </label>
        <button type="submit" class="button primary" disabled={!text.trim()} {...offWhile(busy)} aria-busy={busy}>
          {busy ? t('importing') : t('importButton')}
        </button>
        {busy ? (
          <button type="button" class="button" onClick={cancel}>
            {t('cancel')}
          </button>
        ) : null}
      </form>
      <div aria-live="polite" ref={answer} id="import-answer">
        {result ? <Notice kind={result.kind} id="import-said">{result.text}</Notice> : null}
        {result?.details?.map((d, i) => <ErrorDetails key={`${answers.current}:${i}`} detail={d.detail} about={result.details!.length > 1 ? d.about : undefined} />)}
      </div>
    </div>
  );
}
