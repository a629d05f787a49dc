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
 * (undefined when it is there), the command that reads some URLs, and how it shows a title
 * where that is not as the feed has it.
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
  },
  {
    name: 'newsboat',
    formats: ['rss', 'atom'],
    missing: () => (has('newsboat') ? undefined : 'apt-get install newsboat'),
    command: (urls) => ['/usr/bin/python3', [`${HERE}/read-newsboat.py`, ...urls]],
    // It lists each title on one line: a line break in a title is shown as a space.
    title: (title) => title.replace(/[\r\n]/g, ' '),
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
  },
]

/**
 * What `reader` shows of each URL: `[{url, error?, bozo?, items: [{id, title, link, published,
 * authors, categories, images, content}]}]`, `categories` and `images` null where the reader
 * has no such thing. Throws with the reader's own words when it fails.
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
