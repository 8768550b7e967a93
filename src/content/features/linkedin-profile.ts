/**
 * LinkedIn profile: on the owner's own profile, an "Add badge" button in the Licenses &
 * certifications card. Picking a badge opens LinkedIn's add-to-profile form with every field
 * filled (the URL comes from the background, which knows the organization ids).
 */
import type { Feature } from '../loader.ts';
import { logOnce } from '../log.ts';
import { ask } from '../messages.ts';
import { onDomChange } from '../observer.ts';
import { isAddToProfileUrl, isProfileMain } from '../sites/linkedin.ts';
import { certButtonSlot, certSection, isOwnProfile } from '../sites/linkedin-find.ts';
import { put, takeOut } from '../dom/put.ts';
import { makeButton, onButton } from '../ui/button.ts';
import { openPicker } from '../ui/picker.ts';

const KIND = 'linkedin-add-badge';

/** Where a chosen badge sends the tab (a seam for tests: jsdom cannot navigate). */
export const navigate = { to: (url: string) => location.assign(url) };

export const linkedinProfile: Feature = {
  id: 'linkedin-add-badge',
  matches: isProfileMain,
  init(signal) {
    let added: Element[] = [];
    onDomChange(() => {
      if (added[0]?.isConnected) return;
      const section = certSection(document);
      // No card yet (it renders late), no card at all, or someone else's profile: nothing to do.
      if (!section || !isOwnProfile(document, section)) return;
      const slot = certButtonSlot(section);
      if (!slot) return logOnce('linkedin-add-badge', 'Licenses & certifications card without a header');
      added = put(slot, makeButton(KIND, 'Add badge'));
    }, signal);
    onButton(KIND, (host) => {
      openPicker({
        signal,
        anchor: host,
        title: 'Add a badge to your profile',
        async onPick(badge) {
          const r = await ask('picker/linkedin-url', { key: badge.key });
          if (!r.ok) return r.error.message;
          if (!isAddToProfileUrl(r.value.url)) return 'Lanyard refused an unexpected LinkedIn link.';
          navigate.to(r.value.url);
        },
      });
    }, signal);
    signal.addEventListener('abort', () => takeOut(added), { once: true });
  },
};
