import { describe, expect, it } from 'vitest';
import { escapeXml, toXml, unescapeXml, xmlElementText } from './xml';

describe('XML', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<tag attr="x">', '&lt;tag attr=&quot;x&quot;&gt;'],
    ["it's", 'it&apos;s'],
    ['line\r\nbreak', 'line&#13;\nbreak'],
    ['bell\u0007 gone', 'bell gone'],
  ])('escapes %j', (text, escaped) => {
    expect(escapeXml(text)).toBe(escaped);
  });

  it('unescapes what it escapes, and numeric references', () => {
    expect(unescapeXml(escapeXml('<a & "b" \'c\'>'))).toBe('<a & "b" \'c\'>');
    expect(unescapeXml('&#65;&#x42;')).toBe('AB');
  });

  it('serialises objects, lists, booleans and dates; leaves out absent members', () => {
    expect(
      toXml(
        'R',
        { A: 'x', B: [1, 2], C: true, D: new Date(Date.UTC(2026, 10, 20, 12)), E: undefined },
        {
          memberName: (list) => (list === 'B' ? 'Item' : 'member'),
        },
      ),
    ).toBe('<R><A>x</A><B><Item>1</Item><Item>2</Item></B><C>true</C><D>2026-11-20T12:00:00Z</D></R>');
  });

  it('reads the text of an element, namespaced or not', () => {
    const body =
      '<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>';
    expect(xmlElementText(body, 'LocationConstraint')).toBe('eu-west-1');
    expect(
      xmlElementText('<s3:LocationConstraint>a&amp;b</s3:LocationConstraint>', 'LocationConstraint'),
    ).toBe('a&b');
    expect(xmlElementText('<Other/>', 'LocationConstraint')).toBeUndefined();
  });
});
