/**
 * Small pages for the import's unit tests (import-unseen-sets.test.ts, import-unseen-kinds.test.ts):
 * a text paste from lines, what it read, and two paragraphs of a story to put lines around.
 */
import { textParagraphs } from '../../src/articles/content'
import { readMetadataLine } from '../../src/articles/import/metadata'
import { importPlainText } from '../../src/articles/import/plaintext'

export const ZONE = 'Asia/Shanghai'
/** A text paste of these lines, read in ZONE. */
export const imp = (...lines: string[]) => importPlainText(lines.join('\n'), 'text', ZONE)
export const authors = (r: { fields: { authors?: { name: string }[] } }) =>
  (r.fields.authors ?? []).map((a) => a.name)
/** The paragraphs of an import's text, as the article stores them. */
export const paragraphs = (r: { fields: { content_text?: string } }) =>
  textParagraphs(r.fields.content_text ?? '')
/** What a metadata line says: each item's field, label and value. */
export const fields = (line: string) =>
  readMetadataLine(line, ZONE)?.map((m) => [m.field, m.label ?? null, m.value])
export const NEWS =
  '越南农业与环境部表示，今年前三季度全国大米出口量约为690万吨，同比增长3.2%，出口额达到35亿美元。'
export const MORE =
  '该部表示，下半年将推动高品质、低碳排放大米品种的种植与出口，同时协助企业应对价格波动风险。'
/** A page of two paragraphs of story and, set apart under them, `line`. */
export const underStory = (title: string, date: string, line: string) =>
  imp(title, date, '', NEWS, '', MORE, '', line)
