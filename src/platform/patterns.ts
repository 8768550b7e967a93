/** Host match patterns (no browser API: services and tests import this freely). */

/** The match pattern for a URL's host: `https://host/*` (a pattern without a port matches every port). */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
