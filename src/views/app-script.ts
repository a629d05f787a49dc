/**
 * The only script the pages load (`/app.js`; the CSP allows nothing inline): it reveals the
 * copy buttons, which need JavaScript, and copies a feed URL when one is pressed: the encoded
 * URL in `data-copy`, not the readable one the page shows.
 */
export const APP_SCRIPT = `
function copyByCommand(text) {
  const area = document.createElement('textarea')
  area.value = text
  area.className = 'offscreen'
  document.body.append(area)
  area.select()
  try {
    return document.execCommand('copy')
  } finally {
    area.remove()
  }
}
for (const button of document.querySelectorAll('button.copy')) {
  button.hidden = false
  const label = button.textContent
  button.addEventListener('click', async () => {
    let copied = true
    try {
      await navigator.clipboard.writeText(button.dataset.copy)
    } catch {
      // No Clipboard API (a page on plain http): the older command, else the address selected.
      copied = copyByCommand(button.dataset.copy)
    }
    if (copied) button.textContent = button.dataset.copied
    else {
      const range = document.createRange()
      range.selectNodeContents(button.previousElementSibling)
      getSelection().removeAllRanges()
      getSelection().addRange(range)
    }
    setTimeout(() => (button.textContent = label), 2000)
  })
}
`
