/**
 * LinkedIn's "Add license or certification" form: a "Fill from a badge" button at the top of the
 * form. Pressing it loads the picker (on-demand.ts); the chosen badge fills the form
 * (actions/linkedin-form.ts).
 */
import type { Feature } from '../loader.ts';
import { withUi } from '../on-demand.ts';
import { onDomChange } from '../observer.ts';
import { certName, isCertificationForm } from '../sites/linkedin.ts';
import { certField } from '../sites/linkedin-find.ts';
import { makeButton, onButton } from '../ui/button.ts';
import { tx } from '../i18n.ts';
import { parentOf, prependTo } from '../dom/native.ts';

const KIND = 'linkedin-fill-form';

export const linkedinCertForm: Feature = {
  id: KIND,
  matches: isCertificationForm,
  init(signal) {
    let host: HTMLElement | null = null;
    onDomChange(() => {
      if (host?.isConnected) return;
      const name = certField(document, certName);
      if (!name) return; // the form has not rendered yet
      const form = name.closest('form') ?? parentOf(name);
      if (!form) return;
      host = makeButton(KIND, tx('contentButtonFillForm'));
      prependTo(form, host); // not form.prepend: a control named "prepend" would stand in for it (dom/native.ts)
    }, signal);
    onButton(KIND, (anchor) => void withUi('linkedin', signal, (ui) => ui.fillForm({ anchor, signal })), signal);
    signal.addEventListener('abort', () => host?.remove());
  },
};
