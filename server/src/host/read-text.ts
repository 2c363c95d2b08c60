/**
 * Bytes of a text file → a string. A UTF-8 byte order mark is dropped; UTF-16 with a byte order mark
 * (little or big endian, as Windows editors save "Unicode") is decoded as UTF-16; anything else is
 * read as UTF-8. `readText` is the drop-in for `readFileSync(file, 'utf8')` that also refuses a FIFO
 * or device (see bounded-read.ts) instead of blocking on it; the `readSmall…` ones add a size limit.
 */
import { MAX_CONFIG_BYTES, readRegularFile, readRegularFileSync } from './bounded-read';

export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf8-bom';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  return 'utf8';
}

export function decodeText(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (detectEncoding(buf)) {
    case 'utf8-bom': return buf.toString('utf8', 3);
    case 'utf16le': return buf.toString('utf16le', 2, 2 + ((buf.length - 2) & ~1));
    case 'utf16be': {
      // Node has no big-endian UTF-16 codec without ICU data: swap each pair, then read as LE.
      const n = (buf.length - 2) & ~1;
      const swapped = Buffer.allocUnsafe(n);
      for (let i = 0; i < n; i += 2) {
        swapped[i] = buf[i + 3];
        swapped[i + 1] = buf[i + 2];
      }
      return swapped.toString('utf16le');
    }
    default: return buf.toString('utf8');
  }
}

/** A regular file's text, any size (throws FileReadError, whose `code` says what went wrong). */
export function readText(file: string): string {
  return decodeText(readRegularFileSync(file));
}

export function readSmallTextFileSync(file: string, maxBytes = MAX_CONFIG_BYTES): string {
  return decodeText(readRegularFileSync(file, maxBytes));
}

export async function readSmallTextFile(file: string, maxBytes = MAX_CONFIG_BYTES): Promise<string> {
  return decodeText(await readRegularFile(file, maxBytes));
}
