/**
 * Whether an event is the user's own input. A page can call `click()` on our button hosts or
 * dispatch made-up events at them (the closed shadow root retargets ours to the host, and the
 * page's to the same host); those are not trusted (DOM §2.2 `isTrusted`), and must not open the
 * picker, load it, or pick a badge. Tests in jsdom, which cannot make trusted events, mock this.
 */
export const fromUser = (e: Event): boolean => e.isTrusted;
