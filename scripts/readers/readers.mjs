// The feed readers `npm run e2e` runs, each as its users run it: a small program per reader
// (beside this file) fetches feed URLs the way that reader does and prints what it shows as
// JSON. A reader that is not installed is skipped, saying so.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

const HERE = 'scripts/readers'

/** Where .ci/run puts SimplePie as Debian's `wordpress` package ships it. */
export const SIMPLEPIE_HOME =
  process.env.SIMPLEPIE_HOME ?? join(homedir(), '.cache/edgefeed/wordpress/wp-includes')

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0

/**
 * Each reader: the formats it reads (JSON Feed only where it supports it), why it is missing
 * (undefined when it is there), the command that reads some URLs, how it shows a title where
 * that is not as the feed has it, and what it shows of each format's files
 * (scripts/readers/files.mjs): the channels it reads, whether it shows their lengths, and
 * whether it keeps only one audio or video file. `limits` says, for the e2e output and the
 * manual, what a reader does not show.
 */
export const READERS = [
  {
    name: 'feedparser',
    formats: ['rss', 'atom'],
    missing: () =>
      spawnSync('/usr/bin/python3', ['-c', 'import feedparser']).status === 0
        ? undefined
        : 'apt-get install python3-feedparser',
    command: (urls) => ['/usr/bin/python3', [`${HERE}/read-feedparser.py`, ...urls]],
    files: {
      rss: { channels: ['enclosure', 'media'], length: true },
      atom: { channels: ['enclosure'], length: true },
    },
    limits:
      'every enclosure and media:content; an Atom enclosure without a type (an image of ours stored before its type was kept) as text/html, its default for links',
  },
  {
    name: 'newsboat',
    formats: ['rss', 'atom'],
    missing: () => (has('newsboat') ? undefined : 'apt-get install newsboat'),
    command: (urls) => ['/usr/bin/python3', [`${HERE}/read-newsboat.py`, ...urls]],
    // It lists each title on one line: a line break in a title is shown as a space.
    title: (title) => title.replace(/[\r\n]/g, ' '),
    files: {
      rss: { channels: ['enclosure', 'media'], length: false, podcastOnly: true },
      atom: { channels: ['enclosure'], length: false, podcastOnly: true },
    },
    limits:
      'one enclosure per item, its url and type but no length: the last audio or video file (its podcast); no photos',
  },
  {
    name: 'gofeed',
    formats: ['rss', 'atom', 'json'],
    missing: () =>
      has('go') && existsSync('/usr/share/gocode/src/github.com/mmcdole/gofeed')
        ? undefined
        : 'apt-get install golang-go golang-github-mmcdole-gofeed-dev',
    // Offline, in GOPATH mode, against the sources Debian installs under /usr/share/gocode.
    command: (urls) => ['go', ['run', `${HERE}/read-gofeed.go`, ...urls]],
    env: { GOPATH: '/usr/share/gocode', GO111MODULE: 'off', GOFLAGS: '', GOPROXY: 'off' },
    files: {
      rss: { channels: ['enclosure', 'media'], length: true },
      atom: { channels: ['enclosure'], length: true },
      // gofeed 1.1.3 puts a JSON Feed attachment's duration_in_seconds in Enclosure.Length
      // (translator.go), not its size_in_bytes: the length is not compared there.
      json: { channels: ['enclosure', 'image'], length: false },
    },
    limits:
      "RSS's media:content only in its extensions; a JSON Feed attachment's duration as its length (gofeed 1.1.3), so that length is not compared",
  },
  {
    name: 'SimplePie',
    formats: ['rss', 'atom'],
    missing: () =>
      !has('php')
        ? 'apt-get install php-cli php-xml php-mbstring'
        : !existsSync(`${SIMPLEPIE_HOME}/class-simplepie.php`)
          ? `${SIMPLEPIE_HOME} is absent (.ci/run extracts it from Debian's wordpress package)`
          : undefined,
    command: (urls) => ['php', [`${HERE}/read-simplepie.php`, ...urls]],
    env: { SIMPLEPIE_HOME },
    files: {
      rss: { channels: ['enclosure', 'media'], length: true },
      atom: { channels: ['enclosure'], length: true },
    },
    limits:
      'every enclosure and media:content; an <enclosure> and a media:content of the same file as two, so RSS gives each file once',
  },
]

/**
 * What `reader` shows of each URL: `[{url, error?, bozo?, items: [{id, title, link, published,
 * authors, categories, files: [{url, type, length}], content}]}]`, `categories` null where the
 * reader has no such thing. Throws with the reader's own words when it fails.
 */
export function readFeeds(reader, urls) {
  const [command, args] = reader.command(urls)
  const run = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, ...reader.env },
    maxBuffer: 256 * 1024 * 1024,
    timeout: 600_000,
  })
  if (run.status !== 0) throw new Error(`${reader.name} failed: ${run.stderr || run.error}`)
  return JSON.parse(run.stdout)
}
