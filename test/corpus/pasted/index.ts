/**
 * Pages as newsrooms paste them, each with what the import must make of it. One JSON file per
 * page: `text` is the page line by line (an HTML paste's source when `format` is `html`),
 * `expect` the title, authors, date and its precision, source, how the summary starts, the
 * body's paragraphs and what the report says. Files are read with Vite's `?raw`, which works
 * in Node and in workerd alike.
 */
const FILES = import.meta.glob<string>('./*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
})

export interface PastedPage {
  name: string
  description: string
  /** The site style the page imitates (`tw-cna`, `cn-county-gov`...). */
  style: string
  /** `html` for a page pasted as HTML; text otherwise. */
  format?: 'text' | 'markdown' | 'html'
  /** The `?annotations=` choice, when not the default. */
  annotations?: 'strip' | 'keep' | 'ruby'
  /** The `?timezone=` of a page whose times are not the site's and name no zone. */
  timezone?: string
  text: string[]
  expect: {
    title: string
    authors: string[]
    published?: string
    precision?: 'date' | 'time'
    updated?: string
    source?: string
    language?: string
    summary_starts: string
    /** The body's paragraphs: its text's, or its HTML's blocks but figures. */
    paragraphs?: string[]
    /** An HTML body's figures (an image with its caption), kept with the story. */
    figures?: number
    /** `dropped`: the furniture lines, [line, reason]; `annotated`: readings found and removed. */
    report: { dropped?: [number, string][]; annotated: boolean }
  }
}

/** Every page of the corpus, read from its file. */
export function pastedPages(): PastedPage[] {
  return Object.entries(FILES).map(([path, raw]) => ({
    name: path.replace(/^\.\/|\.json$/g, ''),
    ...JSON.parse(raw),
  }))
}
