/**
 * A JSON request body read the strict way: UTF-8 only, nested at most LIMITS.jsonDepth deep, and
 * a syntax error reported by where it is, never by quoting the body back.
 */
import {
  createScanner,
  parse,
  printParseErrorCode,
  type ParseError,
  type SyntaxKind,
} from 'jsonc-parser'
import { LIMITS } from '../articles/limits'
import { charsetOf, decodeBody, decoderFor } from './charset'
import { problem } from './problem'

/** The body's text. 415 when it declares a charset other than UTF-8, 400 when it is not UTF-8. */
export function decodeJsonBytes(bytes: ArrayBuffer, contentType: string): string {
  const charset = charsetOf(contentType)
  // RFC 8259: JSON exchanged between systems is UTF-8; `charset` may only say so again.
  if (charset !== undefined && decoderFor(charset)?.encoding !== 'utf-8') {
    throw problem(415, {
      title: 'Unsupported Media Type',
      detail: `JSON bodies are UTF-8; the charset "${charset.slice(0, 40)}" is not accepted.`,
    })
  }
  return decodeBody(bytes)
}

/**
 * JSON text as a value. The nesting is measured first, in one pass of the scanner: V8's
 * JSON.parse takes about 100 ms for a 1 MiB `[[[...]]]`, and every walk over the value after it
 * recurses. Errors are 400 with the line and column.
 */
export function parseJsonText(text: string): unknown {
  const deep = tooDeepAt(text, LIMITS.jsonDepth)
  if (deep) {
    const detail = `nested deeper than ${LIMITS.jsonDepth} levels`
    throw problem(400, {
      title: 'Invalid input',
      detail: `The body is ${detail} (at ${position(text, deep.offset)}); nothing was stored.`,
      errors: [{ pointer: deep.pointer, detail }],
    })
  }
  try {
    return JSON.parse(text)
  } catch {
    throw problem(400, {
      title: 'Malformed JSON',
      detail: `The body is not valid JSON: ${syntaxError(text)}.`,
      errors: [{ pointer: '', detail: 'not valid JSON' }],
    })
  }
}

// jsonc-parser's SyntaxKind: a const enum, whose values isolated modules cannot import.
const OPEN_BRACE = 1 as SyntaxKind
const CLOSE_BRACE = 2 as SyntaxKind
const OPEN_BRACKET = 3 as SyntaxKind
const CLOSE_BRACKET = 4 as SyntaxKind
const STRING = 10 as SyntaxKind
const EOF = 17 as SyntaxKind

/** Where `text` first opens more than `limit` arrays or objects, and in which top-level member. */
function tooDeepAt(text: string, limit: number): { offset: number; pointer: string } | undefined {
  const scanner = createScanner(text, true)
  let depth = 0
  // The last string read directly in the root: the member's name once we are inside its value.
  let member: string | undefined
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      if (++depth > limit) return { offset: scanner.getTokenOffset(), pointer: pointerTo(member) }
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) {
      depth--
    } else if (token === STRING && depth === 1) {
      member = scanner.getTokenValue()
    }
  }
  return undefined
}

/** A JSON Pointer to a top-level member, or to the whole body for an odd or overlong name. */
function pointerTo(member: string | undefined): string {
  if (member === undefined || member.length > 64) return ''
  return '/' + member.replace(/~/g, '~0').replace(/\//g, '~1')
}

const SYNTAX_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected text after the value',
  InvalidCommentToken: 'comments are not JSON',
  UnexpectedEndOfComment: 'comments are not JSON',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'malformed escape',
  InvalidCharacter: 'control character in a string',
}

/** What is wrong and where, found by jsonc-parser (JSON.parse's messages quote the input). */
function syntaxError(text: string): string {
  const errors: ParseError[] = []
  try {
    parse(text, errors, { disallowComments: true, allowTrailingComma: false })
  } catch {
    // jsonc-parser recurses; the nesting was bounded above, so this is only a safety net.
  }
  const first = errors[0]
  if (!first) return 'syntax error'
  const name = printParseErrorCode(first.error)
  return `${SYNTAX_ERRORS[name] ?? 'syntax error'} at ${position(text, first.offset)}`
}

/** "line L, column C" of a UTF-16 offset, the column counted in characters. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const lineStart = before.lastIndexOf('\n') + 1
  const line = (before.match(/\n/g)?.length ?? 0) + 1
  let column = 1
  for (const _ of before.slice(lineStart)) column++
  return `line ${line}, column ${column}`
}
