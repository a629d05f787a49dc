/**
 * "After the save": what the last write set in motion, as its answer's `delivery` says (cache
 * tags purged at once and again, WebSub pings, when readers see it, a scheduled release). The
 * desk's script fills it (src/desk-ui/public/desk/delivery.js) and follows each pass.
 */
import type { DeskLabels } from './labels'
import { Bi, biText, type Words } from './layout'

const STATES = ['firstPass', 'secondPass', 'sent', 'waiting', 'queued', 'noPings', 'noPurge']
const ROWS = [
  ['purged', 'delivery-purge'],
  ['pings', 'delivery-websub'],
  ['readersSee', 'delivery-readers'],
] as const

export function DeliveryPanel(props: { w: Words }) {
  const { w } = props
  return (
    <section id="delivery" class="delivery" hidden aria-labelledby="delivery-heading">
      <h2 id="delivery-heading">
        <Bi w={w} k="delivery" />
      </h2>
      <dl>
        {ROWS.map(([k, id]) => (
          <div>
            <dt>
              <Bi w={w} k={k} />
            </dt>
            <dd id={id}></dd>
          </div>
        ))}
        <div id="delivery-release-row" hidden>
          <dt>
            <Bi w={w} k="release" />
          </dt>
          <dd id="delivery-release"></dd>
        </div>
      </dl>
      <template id="delivery-words">
        {[...STATES, 'readersBy', 'maxAge', 'draftUnseen'].map((k) => (
          <span data-k={k}>{biText(w, k as keyof DeskLabels)}</span>
        ))}
      </template>
    </section>
  )
}
