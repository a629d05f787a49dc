// What every browser suite (scripts/browser-e2e.mjs, scripts/desk-e2e.mjs) starts with:
// Debian's Chromium driven by playwright-core, skipped cleanly when it is missing, axe-core's
// source to run in pages, and the ok/FAIL lines the suites print and count.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Ends the suite as skipped, saying why, when there is no Chromium to drive. */
export function requireChromium(suite) {
  if (existsSync(CHROMIUM)) return
  console.log(`skip ${suite} suite: ${CHROMIUM} is missing (apt-get install chromium)`)
  console.log('0 passed, 0 failed')
  process.exit(0)
}

/** Chromium, headless, without a sandbox (containers) or anything that calls home. */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/** axe-core, as source to evaluate in a page (`page.evaluate(axeSource)`). */
export const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

/** A tally of checks and `check(name, ok, detail)`, which prints each as an ok or FAIL line. */
export function checks() {
  const tally = { passed: 0, failed: 0, skipped: 0 }
  function check(name, ok, detail = '') {
    tally[ok ? 'passed' : 'failed']++
    const why = !ok && detail ? `\n     ${String(detail).split('\n').join('\n     ')}` : ''
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${why}`)
  }
  return { tally, check }
}
