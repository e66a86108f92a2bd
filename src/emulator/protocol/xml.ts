import { isoSeconds } from '@/domain/iso-time';
// XML for the Query (SNS, IAM) and REST-XML (S3) protocols: escaping, a small serialiser from plain
// values, and reading the few simple elements a request body carries. Timestamps are ISO 8601, the
// protocols' default timestamp format (smithy aws.protocols#awsQuery / restXml).

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Carriage returns would be normalised away by a parser; keep them as character references.
  '\r': '&#13;',
};

// Characters XML 1.0 cannot carry at all, even as references.
// eslint-disable-next-line no-control-regex -- these are exactly the characters to drop
const INVALID_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/[&<>"'\r]/g, (c) => ESCAPES[c]!);
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_match, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity]!;
  });
}

export type XmlValue =
  | string
  | number
  | boolean
  | Date
  | undefined
  | null
  | readonly XmlValue[]
  | { readonly [key: string]: XmlValue };

export interface XmlOptions {
  /** The element name of a list's items, by the list's own element name (Query: always `member`). */
  memberName?: (listName: string) => string;
}

export function isoTimestamp(date: Date): string {
  return isoSeconds(date.getTime());
}

function scalar(value: string | number | boolean | Date): string {
  if (value instanceof Date) return isoTimestamp(value);
  return escapeXml(String(value));
}

/** `<name>…</name>` for a value: objects become child elements in key order, lists repeat their member. */
export function toXml(name: string, value: XmlValue, options: XmlOptions = {}): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    const member = options.memberName?.(name) ?? 'member';
    return `<${name}>${value.map((item: XmlValue) => toXml(member, item, options)).join('')}</${name}>`;
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    const children = Object.entries(value as Record<string, XmlValue>)
      .map(([key, child]) => toXml(key, child, options))
      .join('');
    return `<${name}>${children}</${name}>`;
  }
  return `<${name}>${scalar(value as string | number | boolean | Date)}</${name}>`;
}

/** The text of the first `<name>` element in a document, unescaped; undefined when absent. */
export function xmlElementText(xml: string, name: string): string | undefined {
  const match = new RegExp(`<(?:[\\w-]+:)?${name}(?:\\s[^>]*)?>([^<]*)</(?:[\\w-]+:)?${name}>`).exec(xml);
  return match ? unescapeXml(match[1]!) : undefined;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
