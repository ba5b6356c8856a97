/**
 * How large a zip (a .docx) unpacks, read from its central directory before
 * anything is extracted: a 1 MB zip bomb otherwise takes mammoth (through
 * jszip) a minute and gigabytes before any size limit can apply. Hand-written
 * because jszip keeps the sizes in private fields and a reader such as yauzl
 * would be a second zip library for 40 lines of reading the format's records.
 */
import {CitedeckError} from '../errors.js'

/** Bytes a .docx may unpack to: a long essay's XML with its pictures is well under it. */
export const MAX_UNPACKED = 128 * 1024 * 1024

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50

/** The sum of the entries' uncompressed sizes, or `undefined` when the bytes hold no readable central directory. */
export function unpackedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end record is the last 22 bytes, unless a comment (at most 65,535 bytes) follows it.
  let end = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at
      break
    }
  }
  if (end < 0) return undefined
  const entries = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  // ZIP64 archives mark sizes too large for 32 bits with 0xFFFFFFFF; no essay needs one.
  if (entries === 0xffff || at === 0xffffffff) return Number.POSITIVE_INFINITY
  let total = 0
  for (let index = 0; index < entries; index++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return undefined
    const size = view.getUint32(at + 24, true)
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY
    total += size
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return total
}

/** Throws a content error when the zip would unpack to more than `MAX_UNPACKED` bytes. */
export function checkUnpackedSize(bytes: Uint8Array, path: string): void {
  const size = unpackedSize(bytes)
  if (size === undefined || size <= MAX_UNPACKED) return
  const megabytes = (value: number) => `${Math.round(value / 1024 / 1024).toLocaleString('en-US')} MB`
  throw new CitedeckError(
    `${path}: the document would unpack to ${Number.isFinite(size) ? megabytes(size) : 'more than 4 GB'} (limit ${megabytes(MAX_UNPACKED)})`,
    'CONTENT',
    'a real essay is far smaller: save it again from Word, or as plain text (.txt)'
  )
}
