/**
 * RDF terms and literals as jsonld.js produces them for rdf-canonize (the RDF/JS-like dataset
 * shape), and the JSON-LD 1.1 API §8.6 (Object to RDF Conversion) rules for literals, mirrored
 * from jsonld.js `toRdf.js` `_objectToRDF` so the fast path yields the very same quads.
 */
export interface Term {
  termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph';
  value: string;
  datatype?: { termType: 'NamedNode'; value: string };
  language?: string;
}

export interface Quad {
  subject: Term;
  predicate: Term;
  object: Term;
  graph: Term;
}

const XSD = 'http://www.w3.org/2001/XMLSchema#';
export const XSD_STRING = `${XSD}string`;
export const XSD_BOOLEAN = `${XSD}boolean`;
export const XSD_DOUBLE = `${XSD}double`;
export const XSD_INTEGER = `${XSD}integer`;
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
export const RDF_TYPE = `${RDF}type`;
export const RDF_FIRST = `${RDF}first`;
export const RDF_REST = `${RDF}rest`;
export const RDF_NIL = `${RDF}nil`;
export const RDF_LANGSTRING = `${RDF}langString`;

export const DEFAULT_GRAPH: Term = { termType: 'DefaultGraph', value: '' };

export const named = (value: string): Term => ({ termType: 'NamedNode', value });

/** jsonld.js url.isAbsolute: a scheme (or `_` for blank nodes) and no whitespace. */
const ABSOLUTE = /^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$/;
export const isAbsolute = (v: string): boolean => ABSOLUTE.test(v);

/** jsonld.js util REGEX_BCP47. */
export const BCP47 = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;

/** jsonld.js types.isDouble: a number whose decimal form has a point, or is huge. */
const isDouble = (v: number): boolean => String(v).indexOf('.') !== -1 || Math.abs(v) >= 1e21;

/** The canonical xsd:double lexical form JSON-LD 1.1 §8.6 step 10 prescribes. */
const doubleLexical = (v: number): string => v.toExponential(15).replace(/(\d)0*e\+?/, '$1E');

/** The usual datatypes' terms, made once (terms are never changed once made). */
const DATATYPES = new Map<string, { termType: 'NamedNode'; value: string }>(
  [XSD_STRING, XSD_BOOLEAN, XSD_DOUBLE, XSD_INTEGER, RDF_LANGSTRING].map((v) => [v, Object.freeze({ termType: 'NamedNode' as const, value: v })]),
);
const datatypeTerm = (value: string): { termType: 'NamedNode'; value: string } => DATATYPES.get(value) ?? { termType: 'NamedNode', value };

/** §8.6: a value object { @value, @type?, @language? } as a literal. */
export function literal(value: string | number | boolean, type: string | null, language: string | null): Term {
  let lexical: string;
  let datatype: string;
  if (typeof value === 'boolean') {
    lexical = value.toString();
    datatype = type ?? XSD_BOOLEAN;
  } else if ((typeof value === 'number' && isDouble(value)) || type === XSD_DOUBLE) {
    lexical = doubleLexical(typeof value === 'number' ? value : parseFloat(value));
    datatype = type ?? XSD_DOUBLE;
  } else if (typeof value === 'number') {
    lexical = value.toFixed(0);
    datatype = type ?? XSD_INTEGER;
  } else if (language !== null) {
    return { termType: 'Literal', value, datatype: datatypeTerm(type ?? RDF_LANGSTRING), language };
  } else {
    lexical = value;
    datatype = type ?? XSD_STRING;
  }
  return { termType: 'Literal', value: lexical, datatype: datatypeTerm(datatype) };
}
