// The desk's one script, served as it is (no build step). It drives the pages the Worker
// renders (src/views/desk/): passkey ceremonies through @simplewebauthn/browser (loaded before
// it as /desk/webauthn.js), and the article calls with the session's CSRF token.

const data = JSON.parse(document.getElementById('desk-data').textContent)
const status = document.getElementById('status')

/** Says what happened, politely, or as an alert when it went wrong. */
function say(text, { error = false } = {}) {
  status.textContent = text
  status.setAttribute('role', error ? 'alert' : 'status')
  status.classList.toggle('error', error)
}

/** A desk call: JSON in and out, with the CSRF token on anything that changes state. */
async function call(method, path, body, headers = {}) {
  const init = { method, headers: { ...headers }, credentials: 'same-origin' }
  if (data.csrf && method !== 'GET') init.headers['X-CSRF-Token'] = data.csrf
  if (body !== undefined) {
    if (typeof body === 'string' || body instanceof Blob) init.body = body
    else {
      init.body = JSON.stringify(body)
      init.headers['Content-Type'] = 'application/json'
    }
  }
  const res = await fetch(`/desk/api${path}`, init)
  const type = res.headers.get('Content-Type') ?? ''
  const json = type.includes('json') ? await res.json() : null
  return { res, json }
}

/** A problem's words, with each field's complaint. */
function problemText(json, fallback) {
  if (!json) return fallback
  const fields = (json.errors ?? []).map((e) => `${e.pointer.replace(/^\//, '')}: ${e.detail}`)
  return [json.title, json.detail, ...fields].filter(Boolean).join(' — ')
}

// ---- passkeys ---------------------------------------------------------------------------

async function ceremony(button, run) {
  button.disabled = true
  try {
    await run()
  } catch (error) {
    say(error instanceof Error ? error.message : String(error), { error: true })
  } finally {
    button.disabled = false
  }
}

async function register(optionsPath, optionsBody, finishPath, extra) {
  const start = await call('POST', optionsPath, optionsBody)
  if (!start.res.ok) throw new Error(problemText(start.json, 'The passkey could not be started.'))
  const response = await SimpleWebAuthnBrowser.startRegistration({
    optionsJSON: start.json.options,
  })
  const done = await call('POST', finishPath, {
    ...extra,
    challenge_id: start.json.challenge_id,
    response,
  })
  if (!done.res.ok) throw new Error(problemText(done.json, 'The passkey was not accepted.'))
  return done.json
}

if (data.page === 'signin') {
  const button = document.getElementById('signin')
  button.addEventListener('click', () =>
    ceremony(button, async () => {
      const start = await call('POST', '/signin/options', {})
      if (!start.res.ok) throw new Error(problemText(start.json, 'Sign-in could not start.'))
      const response = await SimpleWebAuthnBrowser.startAuthentication({
        optionsJSON: start.json.options,
      })
      const done = await call('POST', '/signin', {
        challenge_id: start.json.challenge_id,
        response,
      })
      if (!done.res.ok) throw new Error(problemText(done.json, 'Sign-in failed.'))
      location.assign('/desk/')
    }),
  )
}

if (data.page === 'enrol') {
  const button = document.getElementById('enrol')
  button.addEventListener('click', () =>
    ceremony(button, async () => {
      const label = document.getElementById('label').value.trim()
      await register('/enrol/options', { token: data.token }, '/enrol', {
        token: data.token,
        ...(label ? { label } : {}),
      })
      location.assign('/desk/')
    }),
  )
}

document.getElementById('signout')?.addEventListener('click', async () => {
  await call('POST', '/signout')
  location.assign('/desk/')
})

if (data.page === 'desk') {
  const { desk } = await import('/desk/editor.js')
  desk({ data, call, say, problemText, register, ceremony })
}
