/**
 * Featured images an export gives after their posts (src/imports/wxr.ts): the coordinator sets
 * each on the article an earlier step wrote, as a new revision in the step's transaction, and
 * plans its copy into R2 when the import asks for copies.
 */
import { withLateLead } from '../imports/lead'
import type { ImportJob } from '../imports/job'
import type { LateLead } from '../imports/wxr'
import { externalImages } from '../media/rehost'
import { decideRehost, type Rules } from './decide'
import type { ImportPort } from './import-desk'

type Port = Pick<ImportPort, 'ledger' | 'records' | 'mediaSite'>

/** Whether the import copies `image` into R2: it asks to, and the image is elsewhere. */
export function copiesImage(port: Port, job: ImportJob, image: string): boolean {
  if (!job.request.rehostImages) return false
  const site = port.mediaSite(job.request.baseUrl!)
  return externalImages({ content_html: '', image }, site).length > 0
}

/**
 * An imported article given the featured image read after it, as a decision to store; none
 * when it is not here (refused, outside since/until) or has a lead image already.
 */
export function leadDecision(port: Port, job: ImportJob, lead: LateLead, rules: Rules) {
  const id = port.ledger.idOfGuid(lead.guid)
  const record = id === undefined ? undefined : port.records.get(id)
  if (!record || record.state === 'deleted') return undefined
  const site = job.request.rehostImages ? port.mediaSite(job.request.baseUrl!) : undefined
  const led = withLateLead(record.article, lead.image, site)
  if (!led) return undefined
  const decision = decideRehost(record, record.id, () => led.article, rules)
  if (!decision.ok || !decision.record) return undefined
  return { decision: { ...decision, record: decision.record }, copy: led.copy, id: record.id }
}
