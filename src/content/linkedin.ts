/**
 * Content script for https://www.linkedin.com/* (built as one standalone file, so nothing is
 * exposed to the page as a web-accessible resource). It picks the LinkedIn features for this page,
 * and again when LinkedIn changes page without loading one.
 */
import { linkedinCertForm } from './features/linkedin-cert-form.ts';
import { linkedinComposer } from './features/linkedin-composer.ts';
import { linkedinProfile } from './features/linkedin-profile.ts';
import { runFeatures, type Feature } from './loader.ts';

/** The LinkedIn features, in start order. Their UI is plain DOM in shadow roots, built on use. */
const features: readonly Feature[] = [linkedinProfile, linkedinCertForm, linkedinComposer];

const controller = new AbortController();
const started = runFeatures(features, controller.signal);
// Hidden at the default console level; the browser tests wait for it as the proof of injection.
console.debug('[lanyard] linkedin content script loaded, features:', started);
