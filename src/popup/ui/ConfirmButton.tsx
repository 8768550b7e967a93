/**
 * A destructive action that asks first, inline (window.confirm can close an extension popup):
 * the button turns into a question with confirm and cancel; focus follows. Escape cancels, like
 * closing a dialog, and focus returns to the button that asked. The question is said once: it
 * names the group (heard as focus enters it) and its visible text is not exposed a second time.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useEnv } from '../env.ts';
import { offWhile } from './busy.ts';

export interface ConfirmButtonProps {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm(): void | Promise<void>;
  class?: string;
  disabled?: boolean;
  /** Another request runs: the button keeps focus but is off (aria-disabled) and does not ask. */
  busy?: boolean;
  /** Which thing of several alike this button acts on, heard after its label and the confirm's, not seen
   *  (a visually-hidden suffix: "Remove ada@example.org"), so Tab through a list of cards says which. */
  about?: ComponentChildren;
}

export function ConfirmButton({ label, question, confirmLabel, onConfirm, class: cls, disabled, busy = false, about }: ConfirmButtonProps) {
  const { t } = useEnv();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  const questionId = useId();
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button ref={openRef} type="button" class={cls ?? 'button'} disabled={disabled} {...offWhile(busy)} aria-busy={busy} onClick={() => !busy && setAsking(true)}>
        {label}
        {about}
      </button>
    );
  }
  return (
    <span
      class="confirm"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        setAsking(false);
      }}
    >
      {/* Hidden from the tree, still the group's name (aria-labelledby reads hidden nodes). */}
      <span id={questionId} class="confirm-question" aria-hidden="true">
        {question}
      </span>
      <button
        ref={confirmRef}
        type="button"
        class="button danger small"
        onClick={() => {
          setAsking(false);
          void onConfirm();
        }}
      >
        {confirmLabel}
        {about}
      </button>
      <button type="button" class="button small" onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </span>
  );
}
