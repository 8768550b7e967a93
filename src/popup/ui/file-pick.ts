/**
 * The files a file input holds, taken out of it: the input is emptied, so that the same file picked
 * again (fixed since it was refused, or after a failure) is read again. Chromium fires no change
 * event for a pick equal to the one the input already holds: "Choose files…" did nothing.
 */
export function takeFiles(input: HTMLInputElement): File[] {
  const files = [...(input.files ?? [])];
  input.value = '';
  return files;
}
