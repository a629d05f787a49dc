/**
 * The only place XML is escaped. Stored text is already free of characters XML 1.0 forbids
 * (they are removed on write), but the serializers must never emit a document that is not
 * well-formed, so they are removed here again rather than trusted.
 */

const FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

// Lone surrogates are the only forbidden characters the escaping passes below do not catch;
// a Unicode-aware replace over a 5 KB body costs as much as escaping it, so it runs only
// when the native check finds one.
function wellFormed(text: string): string {
  return text.isWellFormed() ? text : text.replace(FORBIDDEN, '')
}

/** The other forbidden characters (C0 controls but tab, LF and CR; U+FFFE; U+FFFF). */
const CONTROLS = '\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF'

/**
 * One pass over the text replaces each special character by its entry in `table` and drops
 * the forbidden ones (they have no entry).
 */
function escaper(table: Record<string, string>): (text: string) => string {
  const special = new RegExp(`[${Object.keys(table).join('')}${CONTROLS}]`, 'g')
  return (text) => wellFormed(text).replace(special, (ch) => table[ch] ?? '')
}

// A parser turns a raw CR (or CRLF) into LF; a reference keeps the publisher's text exact.
const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' }
// RSS readers disagree on whether plain-text elements hold HTML; the RSS Best Practices
// Profile asks for hexadecimal references there, which every reading gives back as text.
const TEXT_HEX: Record<string, string> = {
  '&': '&#x26;',
  '<': '&#x3C;',
  '>': '&#x3E;',
  '\r': '&#13;',
}
const ATTR: Record<string, string> = {
  ...TEXT,
  '"': '&quot;',
  // Attribute value normalisation would turn these into spaces; references keep them.
  '\t': '&#9;',
  '\n': '&#10;',
}

/** Character data: `&`, `<` and `>` escaped (so `]]>` can never appear), bad characters dropped. */
export const xmlText = escaper(TEXT)

/** Character data for RSS plain-text elements (title, category, names): hex references. */
export const xmlTextHex = escaper(TEXT_HEX)

/** A double-quoted attribute value. */
export const xmlAttr = escaper(ATTR)

const RAW_FORBIDDEN = new RegExp(`[${CONTROLS}]`)
const RAW_FORBIDDEN_ALL = new RegExp(RAW_FORBIDDEN, 'g')

/**
 * Character data as a CDATA section, for the large HTML of an item: nothing in it needs
 * escaping but `]]>`, which is split across two sections, so rendering costs one scan
 * instead of an entity per tag. The forbidden characters are dropped here too.
 */
export function xmlCdata(text: string): string {
  let clean = wellFormed(text)
  if (RAW_FORBIDDEN.test(clean)) clean = clean.replace(RAW_FORBIDDEN_ALL, '')
  return `<![CDATA[${clean.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
}

/** An opening tag. */
export function open(name: string, attrs: Record<string, string | undefined> = {}): string {
  return `<${name}${attributes(attrs)}>`
}

/** `<name attr="...">text</name>`, or nothing when `text` is undefined. */
export function el(
  name: string,
  text: string | undefined,
  attrs: Record<string, string | undefined> = {},
  escape: (text: string) => string = xmlText,
): string {
  if (text === undefined) return ''
  return `<${name}${attributes(attrs)}>${escape(text)}</${name}>`
}

/** A self-closing element. */
export function empty(name: string, attrs: Record<string, string | undefined>): string {
  return `<${name}${attributes(attrs)}/>`
}

/** ` key="value"` pairs, escaped; undefined values are left out. */
export function attributes(attrs: Record<string, string | undefined>): string {
  let out = ''
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined) out += ` ${key}="${xmlAttr(value)}"`
  }
  return out
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'
