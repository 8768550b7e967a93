/**
 * A sign-in the user may cancel while it waits (a backpack whose token endpoint or first answer
 * hangs): Cancel aborts it in the background (accounts/sign-in-cancel: its requests aborted,
 * nothing of it kept) and gives the form back at once, focus on `focusBack`'s field, no error
 * shown. A sign-in that finished before the cancel reached it was stored whole: its success stands.
 */
import { useRef, useState } from 'preact/hooks';
import type { Reply, SignInRequest } from '../../messaging/protocol.ts';
import type { AccountView } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';

export function useSignIn(focusBack: () => void) {
  const { actions } = useEnv();
  const [busy, setBusy] = useState(false);
  /** Each sign-in's number; a cancel moves it on, so the cancelled one's failure is not shown. */
  const current = useRef(0);
  return {
    busy,
    /** The reply, or undefined when the user cancelled it. Sends first thing: the host permission prompt needs the click's gesture. */
    async signIn(request: SignInRequest): Promise<Reply<AccountView> | undefined> {
      const reply = actions.signIn(request);
      const id = ++current.current;
      setBusy(true);
      const r = await reply;
      if (id !== current.current) return r.ok ? r : undefined;
      setBusy(false);
      if (!r.ok && r.error.code === 'ERR_CANCELLED') {
        focusBack();
        return undefined;
      }
      return r;
    },
    cancel(): void {
      current.current++;
      setBusy(false);
      void actions.cancelSignIn();
      focusBack();
    },
  };
}
