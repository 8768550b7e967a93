/** When a selector finds nothing where it should, a feature stays quiet and says so once per page. */
const said = new Set<string>();

export function logOnce(feature: string, what: string): void {
  const key = `${feature}: ${what}`;
  if (said.has(key)) return;
  said.add(key);
  console.info(`[lanyard] ${key}`);
}
