/**
 * The only script the pages load (`/app.js`; the CSP allows nothing inline): it reveals the
 * copy buttons, which need JavaScript, and copies a feed URL when one is pressed.
 */
export const APP_SCRIPT = `
for (const button of document.querySelectorAll('button.copy')) {
  button.hidden = false
  const label = button.textContent
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.copy)
      button.textContent = button.dataset.copied
    } catch {
      const range = document.createRange()
      range.selectNodeContents(button.previousElementSibling)
      getSelection().removeAllRanges()
      getSelection().addRange(range)
    }
    setTimeout(() => (button.textContent = label), 2000)
  })
}
`
