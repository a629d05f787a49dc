// "After the save": shows a write answer's `delivery` (what the coordinator set in motion) in
// the panel the page renders (src/views/desk/delivery-panel.tsx), then asks the desk how far
// each purge pass and the pings have gone until all are done.

const $ = (id) => document.getElementById(id)
/** How often the desk asks; the second pass is due about two minutes after a write. */
const POLL_MS = 5_000
let following = 0

function wordsOf() {
  const template = $('delivery-words')
  return Object.fromEntries(
    [...template.content.querySelectorAll('[data-k]')].map((s) => [s.dataset.k, s.textContent]),
  )
}

/** An instant in the site's time zone, as `2036-01-05 09:00:00 (Asia/Taipei)`. */
function at(iso, timeZone) {
  const shown = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso))
  return `${shown} (${timeZone})`
}

/** A cache tag as people read it: `t:%E7%BB%8F` is the listing of the tag 经. */
function tagText(tag) {
  try {
    return decodeURIComponent(tag)
  } catch {
    return tag
  }
}

function purgeLine(d, w, timeZone, progress) {
  const box = $('delivery-purge')
  if (!d.purge) {
    box.textContent = w.noPurge
    return
  }
  const tags = document.createElement('ul')
  tags.className = 'tags'
  for (const tag of d.purge.tags) {
    const li = document.createElement('li')
    const code = document.createElement('code')
    code.textContent = tagText(tag)
    li.append(code)
    tags.append(li)
  }
  const state = (s) => (s ? ` — ${w[s]}` : '')
  const passes = document.createElement('p')
  passes.textContent = `${w.firstPass}${state(progress?.first_purge)} · ${w.secondPass} ${at(
    d.purge.second,
    timeZone,
  )}${state(progress?.second_purge)}`
  box.replaceChildren(tags, passes)
}

function websubLine(d, w, timeZone, progress) {
  const box = $('delivery-websub')
  if (!d.websub) {
    box.textContent = w.noPings
    return
  }
  const state = progress?.websub ? w[progress.websub] : w.waiting
  box.textContent = `${state}: ${d.websub.hubs.join(', ')} — ${d.websub.feeds.length} feeds, ${at(
    d.websub.after,
    timeZone,
  )}`
  box.title = d.websub.feeds.join('\n')
}

function show(d, timeZone, progress) {
  const w = wordsOf()
  purgeLine(d, w, timeZone, progress)
  websubLine(d, w, timeZone, progress)
  $('delivery-readers').textContent = d.readers
    ? `${w.readersBy} ${at(d.readers.by, timeZone)} · ${w.maxAge}: ${d.readers.max_age}`
    : w.draftUnseen
  $('delivery-release-row').hidden = !d.release
  if (d.release) $('delivery-release').textContent = at(d.release.at, d.release.time_zone)
  $('delivery').hidden = false
}

const done = (p) => p.first_purge === 'sent' && p.second_purge === 'sent' && p.websub !== 'waiting'

/**
 * Shows what a write set in motion and follows it until every pass is sent. A later write
 * takes the panel over: the earlier one stops being followed.
 */
export async function showDelivery(d, { call, timeZone }) {
  const mine = ++following
  show(d, timeZone)
  if (!d.purge) return
  const ask = { tags: d.purge.tags, feeds: d.websub?.feeds ?? [], second: d.purge.second }
  const give = Date.parse(d.readers.by) + POLL_MS
  while (mine === following) {
    const { res, json } = await call('POST', '/delivery', ask)
    if (!res.ok || mine !== following) return
    show(d, timeZone, json)
    if (done(json) || Date.now() > give) return
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}
