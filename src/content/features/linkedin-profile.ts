/**
 * LinkedIn profile: on the owner's own profile, an "Add badge" button in the Licenses &
 * certifications card. Pressing it loads the picker (on-demand.ts); the chosen badge opens
 * LinkedIn's add-to-profile form with every field filled (actions/linkedin.ts).
 */
import type { Feature } from '../loader.ts';
import { logOnce } from '../log.ts';
import { tx } from '../i18n.ts';
import { withUi } from '../on-demand.ts';
import { onDomChange } from '../observer.ts';
import { isProfileMain } from '../sites/linkedin.ts';
import { certButtonSlot, certSection, isOwnProfile } from '../sites/linkedin-find.ts';
import { put, takeOut } from '../dom/put.ts';
import { makeButton, onButton } from '../ui/button.ts';

const KIND = 'linkedin-add-badge';

export const linkedinProfile: Feature = {
  id: KIND,
  matches: isProfileMain,
  init(signal) {
    let added: Element[] = [];
    onDomChange(() => {
      const section = certSection(document);
      // No card yet (it renders late), no card at all, or someone else's profile: nothing to do. Asked at
      // every change: LinkedIn renders the next profile into the cards it keeps, after the route changed.
      const own = section !== null && isOwnProfile(document, section);
      if (added[0]?.isConnected && own && section.contains(added[0])) return;
      takeOut(added);
      added = [];
      if (!own) return;
      const slot = certButtonSlot(section);
      if (!slot) return logOnce(KIND, 'Licenses & certifications card without a header');
      added = put(slot, makeButton(KIND, tx('contentButtonAddBadge')));
    }, signal);
    onButton(KIND, (anchor) => void withUi('linkedin', signal, (ui) => ui.addToProfile({ anchor, signal })), signal);
    signal.addEventListener('abort', () => takeOut(added));
  },
};
