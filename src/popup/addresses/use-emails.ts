/** An account's addresses, loaded and changed through the actions, with a note saying what happened. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Reply } from '../../messaging/protocol.ts';
import { isEmail } from '../../messaging/validate.ts';
import type { EmailView } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import { changeErrorText } from '../errors.ts';
import { emailForDisplay } from '../display.ts';
import type { Loadable } from '../use-popup-data.ts';

export interface Note {
  /** `info`: neither, as a cancelled request that may still have been received (guide/PasswordReset.tsx). */
  kind: 'error' | 'success' | 'info';
  text: string;
  /** The e-mail address the text quotes, drawn so that it wraps at its "@" (ui/Address.tsx AddressIn). */
  address?: string;
  /** The address (its id) a card's change was about: that card's buttons are described by the note. */
  about?: string;
}

/** A change the backpack is still confirming: on which address (none for an added one), and which. */
export interface Working {
  id: string;
  op: 'primary' | 'resend' | 'remove' | 'add';
}

export function useEmails(accountId: string) {
  const { t, actions } = useEnv();
  const [emails, setEmails] = useState<Loadable<EmailView[]>>({ status: 'loading' });
  const [note, setNote] = useState<Note>();
  // One change at a time: a backpack can take seconds to confirm one, and a second press (or a
  // press on another card, or Add) meanwhile raced it, the later answer overwriting the earlier's
  // note, and its list (read before the other change was done) the other's.
  const [working, setWorking] = useState<Working>();
  const running = useRef(false);

  const load = useCallback(async () => {
    const r = await actions.listEmails(accountId);
    setEmails(r.ok ? { status: 'ready', value: r.value.map(emailForDisplay) } : { status: 'error', error: r.error });
  }, [actions, accountId]);
  useEffect(() => void load(), [load]);

  /**
   * Applies a change; the answer is the new list. True when it worked. A refused change is no proof
   * that nothing changed: the list may have changed elsewhere (an address removed or confirmed on the
   * backpack's site or another device: Badgr answers 404 for a removed id), or the refusal itself
   * changed it (badgr-server registers a case variant and answers 400). So the list is read again,
   * and kept as it was when that fails too (offline).
   */
  const apply = async (p: Promise<Reply<EmailView[]>>, success: string, address: string, about?: string): Promise<boolean> => {
    const r = await p;
    if (r.ok) setEmails({ status: 'ready', value: r.value.map(emailForDisplay) });
    // Cancelled (Cancel, below) before it was sent: nothing to say; the list read again shows what the backpack has.
    // Cancelled after it was sent (emails.ts cancel, reason ERR_MAYBE_MADE): the backpack may have made it, said so.
    if (!r.ok && r.error.code === 'ERR_CANCELLED' && r.error.reason === 'ERR_MAYBE_MADE') setNote({ kind: 'info', text: t('addressMaybeMade'), ...(about ? { about } : {}) });
    // Made, only the list read after it failed (emails.ts, reason ERR_CHANGE_MADE): said as made, not as a failure to try again.
    else if (!r.ok && r.error.reason === 'ERR_CHANGE_MADE') setNote({ kind: 'info', text: `${success} ${t('addressListNotRead')}`, address, ...(about ? { about } : {}) });
    else if (r.ok || r.error.code !== 'ERR_CANCELLED') setNote(r.ok ? { kind: 'success', text: success, address } : { kind: 'error', text: changeErrorText(t, r.error), ...(about ? { about } : {}) });
    if (!r.ok) {
      const now = await actions.listEmails(accountId);
      if (now.ok) setEmails({ status: 'ready', value: now.value.map(emailForDisplay) });
    }
    return r.ok;
  };

  /** A card's change, unless another is still running (then nothing is sent). */
  const change = async (w: Working, run: () => Promise<boolean>): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setWorking(w);
    // The last change's note is not about this one: it goes (it moved to the cards' note place and stayed there while this ran).
    setNote(undefined);
    try {
      return await run();
    } finally {
      running.current = false;
      setWorking(undefined);
    }
  };

  return {
    emails,
    note,
    setNote,
    load,
    add: (email: string, success = t('addressAdded', email)) => {
      // Already listed: said here. Badgr answers a bare HTTP 400 ("Could not register email address").
      if (emails.status === 'ready' && emails.value.some((e) => e.email.toLowerCase() === email.toLowerCase())) {
        setNote({ kind: 'error', text: t('errorEmailExists') });
        return Promise.resolve(false);
      }
      return change({ id: '', op: 'add' }, () => apply(actions.addEmail(accountId, email), success, email));
    },
    working,
    resend: (e: EmailView) => change({ id: e.id, op: 'resend' }, () => apply(actions.resendEmail(accountId, e.id), t('addressResent', e.email), e.email, e.id)),
    makePrimary: (e: EmailView, success = t('addressPrimaryDone', e.email)) => change({ id: e.id, op: 'primary' }, () => apply(actions.makePrimaryEmail(accountId, e.id), success, e.email, e.id)),
    remove: (e: EmailView) => change({ id: e.id, op: 'remove' }, () => apply(actions.removeEmail(accountId, e.id), t('addressRemoved', e.email), e.email, e.id)),
    /**
     * Cancels the change under way (a backpack that does not answer, or one asking Lanyard to pause:
     * emails.ts cancel), as a sign-in's and a sync's Cancel do: its reply then says it was cancelled.
     * A change the backpack had already answered goes on; either way the list is read again.
     */
    cancel: () => {
      if (running.current) void actions.cancelEmailChange(accountId);
    },
  };
}

/**
 * A plausible e-mail address (the backpack has the last word): one the message validator lets through
 * (messaging/validate.ts isEmail: a local part of at most 64 characters, 254 in all, RFC 5321
 * §4.5.3.1), so that a longer one is said to be invalid here, not refused as Lanyard's own error.
 */
export const looksLikeEmail = (s: string): boolean => isEmail(s);
