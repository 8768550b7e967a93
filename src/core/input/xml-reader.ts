/**
 * A small pull tokenizer for well-formed XML (XML 1.0 §2–§3), written for untrusted baked SVGs in
 * src/core, where DOMParser does not exist (MV3 service worker). It is iterative, never recursive:
 * nesting lives in an array. It checks what a baked-badge reader relies on — tags balance, one root,
 * attributes are quoted and unique, references are declared — and throws ParseError PARSE_SVG
 * otherwise. Comments, PIs and the DOCTYPE are skipped; CDATA and text come out as text events.
 */
import { after, decodeRefs, malformed, readDoctype, type Budget, type EntityTable } from './xml-doctype.ts';

export type XmlEvent =
  | { kind: 'start'; name: string; attrs: [name: string, value: string][]; at: number }
  | { kind: 'end'; name: string }
  | { kind: 'text'; text: string; cdata: boolean };

const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.:\u00B7\u00C0-\uFFFF-]*/y;
const WS = /[ \t\r\n]*/y;
const ONLY_WS = /^[ \t\r\n]*$/;
/** Characters that custom entities may add to the document in total. */
const EXPANSION_BUDGET = 4 * 1024 * 1024;

export class XmlReader {
  private readonly src: string;
  private pos: number;
  private readonly open: string[] = [];
  private rootSeen = false;
  private doctypeSeen = false;
  private pendingEnd: string | undefined;
  private entities: EntityTable = new Map();
  private readonly budget: Budget = { left: EXPANSION_BUDGET };

  constructor(src: string) {
    this.src = src;
    this.pos = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /** Depth of open elements (the root counts as 1 while it is open). */
  get depth(): number {
    return this.open.length;
  }

  /** The next event, or undefined at the end of a well-formed document (end of input). */
  next(): XmlEvent | undefined {
    if (this.pendingEnd !== undefined) {
      const name = this.pendingEnd;
      this.pendingEnd = undefined;
      this.open.pop();
      return { kind: 'end', name };
    }
    const s = this.src;
    while (this.pos < s.length) {
      const lt = s.indexOf('<', this.pos);
      if (lt !== this.pos) {
        const end = lt < 0 ? s.length : lt;
        const raw = s.slice(this.pos, end);
        const at = this.pos;
        this.pos = end;
        if (this.open.length === 0) {
          if (!ONLY_WS.test(raw)) throw malformed('text outside the root element', at);
          continue;
        }
        return { kind: 'text', text: decodeRefs(raw, this.entities, this.budget, at), cdata: false };
      }
      if (s.startsWith('<!--', lt)) this.pos = after(s, '-->', lt + 4);
      else if (s.startsWith('<?', lt)) this.pos = after(s, '?>', lt + 2);
      else if (s.startsWith('<![CDATA[', lt)) {
        if (this.open.length === 0) throw malformed('CDATA outside the root element', lt);
        this.pos = after(s, ']]>', lt + 9);
        return { kind: 'text', text: s.slice(lt + 9, this.pos - 3), cdata: true };
      } else if (s.startsWith('<!DOCTYPE', lt)) {
        if (this.rootSeen || this.doctypeSeen) throw malformed('a misplaced DOCTYPE', lt);
        this.doctypeSeen = true;
        const d = readDoctype(s, lt);
        this.entities = d.entities;
        this.pos = d.end;
      } else if (s.startsWith('</', lt)) return this.endTag(lt);
      else return this.startTag(lt);
    }
    if (this.open.length > 0) throw malformed(`<${this.open[this.open.length - 1]}> is never closed`);
    if (!this.rootSeen) throw malformed('no root element');
    return undefined;
  }

  private name(at: number, what: string): string {
    NAME.lastIndex = at;
    const m = NAME.exec(this.src);
    if (!m) throw malformed(`expected ${what}`, at);
    return m[0];
  }

  private skipWs(at: number): number {
    WS.lastIndex = at;
    WS.exec(this.src);
    return WS.lastIndex;
  }

  private endTag(lt: number): XmlEvent {
    const name = this.name(lt + 2, 'an element name after </');
    const gt = this.skipWs(lt + 2 + name.length);
    if (this.src[gt] !== '>') throw malformed(`</${name} is not closed by >`, gt);
    const expected = this.open.pop();
    if (expected !== name) throw malformed(`</${name}> does not close <${expected ?? 'nothing'}>`, lt);
    this.pos = gt + 1;
    return { kind: 'end', name };
  }

  private startTag(lt: number): XmlEvent {
    const s = this.src;
    const name = this.name(lt + 1, 'an element name after <');
    if (this.open.length === 0) {
      if (this.rootSeen) throw malformed('a second root element', lt);
      this.rootSeen = true;
    }
    const attrs: [string, string][] = [];
    const seen = new Set<string>();
    let i = lt + 1 + name.length;
    for (;;) {
      const j = this.skipWs(i);
      const c = s[j];
      if (c === '>' || (c === '/' && s[j + 1] === '>')) {
        this.pos = c === '>' ? j + 1 : j + 2;
        this.open.push(name);
        if (c === '/') this.pendingEnd = name;
        return { kind: 'start', name, attrs, at: lt };
      }
      if (c === undefined) throw malformed(`<${name} is never closed by >`, lt);
      if (j === i) throw malformed(`expected whitespace, > or /> in <${name}>`, j);
      const attr = this.name(j, 'an attribute name');
      let k = this.skipWs(j + attr.length);
      if (s[k] !== '=') throw malformed(`attribute ${attr} has no value`, k);
      k = this.skipWs(k + 1);
      const q = s[k];
      if (q !== '"' && q !== "'") throw malformed(`the value of ${attr} is not quoted`, k);
      const close = s.indexOf(q, k + 1);
      if (close < 0) throw malformed(`the value of ${attr} is never closed`, k);
      const raw = s.slice(k + 1, close);
      if (raw.includes('<')) throw malformed(`< inside the value of ${attr}`, k);
      if (seen.has(attr)) throw malformed(`attribute ${attr} appears twice`, j);
      seen.add(attr);
      attrs.push([attr, decodeRefs(raw, this.entities, this.budget, k + 1)]);
      i = close + 1;
    }
  }
}
