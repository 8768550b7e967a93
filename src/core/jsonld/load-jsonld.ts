/** jsonld.js, loaded on first need (see jsonld-lib.ts). */
export type JsonLdLib = typeof import('./jsonld-lib.ts');

let lib: Promise<JsonLdLib> | undefined;
let loaded: JsonLdLib | undefined;

export function loadJsonLd(): Promise<JsonLdLib> {
  return (lib ??= import('./jsonld-lib.ts').then((m) => (loaded = m)));
}

/** jsonld.js when it has been loaded already (it has whenever jsonld.js code is running), else undefined. */
export const jsonLdLoaded = (): JsonLdLib | undefined => loaded;
