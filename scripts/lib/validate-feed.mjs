// The shared validator driver (../shared/tools/validate/validate-feed: the W3C Feed Validation
// Service, RELAX NG, feedparser, the JSON Feed schema) over some feeds of a running Worker.
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const DRIVER = '../shared/tools/validate/validate-feed'

/**
 * Warnings the corpus provokes on purpose, as the W3C validator words them: its heuristics for
 * text that looks like HTML (`Vec<T> & <b>not bold</b>`, `&amp;` typed as text), which must
 * stay literal; and, for the deleted article, RFC 6721's namespace, which it predates.
 */
export const DELIBERATE_WARNINGS = [
  /WARNING \[ContainsHTML\]/,
  /WARNING \[ContainsUndeclaredHTML\]/,
  /WARNING \[UnknownNamespace\].*http:\/\/purl\.org\/atompub\/tombstones\/1\.0$/,
]

/**
 * Runs the driver over each `[url, format]`; a document passes with no error and no warning
 * but the deliberate ones. A driver that does not finish, or a W3C validator that is not set
 * up, is reported, never taken for a pass.
 */
export function validateFeeds(feeds, { check, skip }) {
  if (!existsSync(DRIVER)) {
    skip('validate-feed', `${DRIVER} is absent (../shared exists only in this project's CI)`)
    return
  }
  for (const [url, format] of feeds) {
    const r = spawnSync('/usr/bin/python3', [DRIVER, url, format], { encoding: 'utf8' })
    const name = `validate-feed ${format} ${new URL(url).pathname}`
    if (!/^validators: \d+ errors, \d+ warnings$/m.test(r.stdout)) {
      check(name, false, `the driver did not finish (exit ${r.status}):\n${r.stderr.slice(-2000)}`)
      continue
    }
    // The W3C validator reads RSS and Atom; JSON Feed has its schema.
    if (format !== 'json' && /^\[w3c-feedvalidator\] skipped/m.test(r.stdout))
      skip(`${name}: W3C validator`, 'not set up (../shared/tools/validate/setup <its git dir>)')
    // Sections report "=> N errors"; the RELAX NG one repeats jing's jar warnings, checked apart.
    const errors = [
      ...r.stdout.matchAll(/^\[(.+)\]\n((?:(?!^\[).*\n)*?)\s+=> (\d+) errors, (\d+) warnings/gm),
    ].filter(([, section, , count]) => Number(count) > 0 && !section.startsWith('atom-relaxng'))
    const warnings = r.stdout.split('\n').filter((l) => l.includes('WARNING'))
    const unexpected = warnings.filter((l) => !DELIBERATE_WARNINGS.some((w) => w.test(l)))
    check(
      `${name}: no errors, no warnings but the corpus's deliberate ones (${warnings.length})`,
      errors.length === 0 && unexpected.length === 0,
      [...r.stdout.split('\n').filter((l) => /ERROR/.test(l)), ...unexpected].join('\n'),
    )
    for (const w of warnings) console.log(`     ${w.trim()}`)
  }
}
