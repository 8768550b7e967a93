/**
 * On-demand file for Gmail and Outlook (not in the manifest, not web-accessible): the background
 * injects it at the first press of "Insert badge" (picker/ui); it hands mail.ts the picker and
 * what puts the card into the message (ui-api.ts).
 */
import { mailUi } from './actions/mail.ts';
import { provideUi } from './ui-api.ts';

provideUi('mail', mailUi);
