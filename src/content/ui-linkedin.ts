/**
 * On-demand file for LinkedIn (not in the manifest, not web-accessible): the background injects it
 * at the first press of a Lanyard button (picker/ui); it hands linkedin.ts the picker and what
 * fills the page (ui-api.ts).
 */
import { linkedinUi } from './actions/linkedin.ts';
import { provideUi } from './ui-api.ts';

provideUi('linkedin', linkedinUi);
