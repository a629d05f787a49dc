// Pathological write-path inputs for `npm run bench:inputs`: each shape is a JSON article body of
// about `bytes` bytes (never over the 1 MiB body limit), built deterministically.

const WORDS = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor '

/** `unit` repeated to fill about `bytes` characters. */
const fill = (unit, bytes) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)))

/** `make(i)` for i = 0, 1, ... joined until about `bytes` characters. */
function fillWith(make, bytes) {
  const parts = []
  for (let size = 0, i = 0; size < bytes; i++) {
    const part = make(i)
    parts.push(part)
    size += part.length
  }
  return parts.join('')
}

const paragraphs = (bytes) => fill(WORDS.repeat(8).trim() + '.\n\n', bytes)

/** Room left for content once the rest of the JSON body is written. */
const ROOM = 256

const article = (field, content) => ({ title: 'Bench', [field]: content })
const text = (make) => (bytes) => article('content_text', make(bytes - ROOM))
const html = (make) => (bytes) => article('content_html', make(bytes - ROOM))
const markdown = (make) => (bytes) => article('content_markdown', make(bytes - ROOM))

/** JSON text nested `depth` levels deep: `[[[...]]]` inside the `authors` field. */
const nestedArrays = (bytes) => {
  const depth = Math.floor((bytes - ROOM) / 2)
  return `{"title":"Bench","content_text":"x","authors":${'['.repeat(depth)}${']'.repeat(depth)}}`
}
const nestedObjects = (bytes) => {
  const depth = Math.floor((bytes - ROOM) / 6)
  return `{"title":"Bench","content_text":"x","x":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`
}

/**
 * name -> (bytes) => the body, as an object (sent as JSON) or as JSON text already.
 * `plain-text` is the yardstick: a plain article of ordinary paragraphs.
 */
export const SHAPES = {
  'plain-text': text(paragraphs),
  'plain-html': html((b) => fill(`<p>${WORDS.repeat(8).trim()}.</p>\n`, b)),
  'plain-markdown': markdown(paragraphs),
  'text-long-line': text((b) => fill('word ', b)),
  'text-short-lines': text((b) => fill('a\n', b)),
  'html-text-only': html((b) => fill('word ', b)),
  'html-nested-i': html((b) => fill('<i>', b)),
  'html-nested-div': html((b) => fill('<div>', b)),
  'html-nested-lists': html((b) => fill('<ul><li>', b)),
  'html-table-td-no-tr': html((b) => fill('<table><td>', b)),
  'html-open-then-stray-close': html((b) => fill('<i>', b / 2) + fill('</b>', b / 2)),
  'html-formatting-p': html((b) => fill('<b><p>', b)),
  'html-anchors': html((b) => fill('<a>', b)),
  'html-flat-p': html((b) => fill('<p>x', b)),
  'html-attributes': html((b) => '<i ' + fillWith((i) => `a${i} `, b) + '>'),
  'html-entities': html((b) => fill('&amp;', b)),
  'html-comments': html((b) => fill('<!--', b)),
  'md-emphasis': markdown((b) => fill('*a', b)),
  'md-underscore': markdown((b) => fill('_a', b)),
  'md-backtick-runs': markdown((b) => fillWith((i) => '`'.repeat(i + 1) + 'a', b)),
  'md-quotes': markdown((b) => fill('>', b)),
  'md-lists': markdown((b) => fill('- ', b)),
  'md-indented-lists': markdown((b) => fillWith((i) => ' '.repeat(2 * i) + '- a\n', b)),
  'md-brackets': markdown((b) => fill('[', b)),
  'md-images': markdown((b) => fill('![', b)),
  'md-headings': markdown((b) => fill('# a\n', b)),
  'md-table-rows': markdown((b) => 'a|b\n-|-\n' + fill('c|d\n', b - 8)),
  'md-raw-html-nested': markdown((b) => fill('<i>', b)),
  'md-autolinks': markdown((b) => fill('https://e.example/a ', b)),
  'md-url-parens': markdown((b) => 'https://e.example/' + fill('(', b - 20)),
  'json-nested-arrays': nestedArrays,
  'json-nested-objects': nestedObjects,
  'json-many-tags': (bytes) => ({
    title: 'Bench',
    content_text: 'x',
    tags: Array.from({ length: Math.floor((bytes - ROOM) / 8) }, (_, i) => `t${i}`),
  }),
  // é, 中 and 😀: 9 bytes of UTF-8 for every 4 UTF-16 code units.
  'text-multibyte': text((b) => fill('\u00e9\u4e2d\u{1F600}', (b * 4) / 9)),
}

/** The JSON body of shape `name` at about `bytes` bytes. */
export function shapeBody(name, bytes) {
  const body = SHAPES[name](bytes)
  return typeof body === 'string' ? body : JSON.stringify(body)
}
