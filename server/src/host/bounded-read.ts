/**
 * Reading a file the user named without trusting what it is: the file is opened non-blocking and
 * checked with fstat on the same descriptor, so a FIFO, /dev/zero, /dev/stdin, a socket or a
 * directory is refused at once instead of blocking or filling memory, and a regular file larger
 * than the limit is refused (before reading, and again if it grows while being read).
 */
import { closeSync, constants, fstatSync, openSync, readSync, promises as fsp, type Stats } from 'node:fs';

export const MAX_CONFIG_BYTES = 1024 * 1024;

/** A refusal; `code` is a short phrase ("not a regular file (a FIFO)") or the errno code (ENOENT). */
export class FileReadError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message ?? code);
  }
}

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. (0 where it does not exist.)
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 64 * 1024;

function kind(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${+(n / (1024 * 1024)).toFixed(1)} MB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

function check(st: Stats, maxBytes: number): void {
  if (!st.isFile()) throw new FileReadError(`not a regular file (${kind(st)})`);
  if (st.size > maxBytes) throw tooLarge(maxBytes);
}

const tooLarge = (maxBytes: number) => new FileReadError(`larger than ${formatBytes(maxBytes)}`);

function wrap(e: unknown): FileReadError {
  if (e instanceof FileReadError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  // open() of a socket (e.g. /dev/stdin when stdin is one) or of a device with no driver.
  if (code === 'ENXIO') return new FileReadError('not a regular file (a socket or device)');
  return new FileReadError(code ?? String((e as Error)?.message ?? e));
}

/** The bytes of a regular file of at most `maxBytes` bytes; throws FileReadError otherwise. */
export function readRegularFileSync(file: string, maxBytes = Infinity): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(file, FLAGS);
    const st = fstatSync(fd);
    check(st, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.max(CHUNK, Math.min(st.size + 1 - total, 64 * CHUNK)));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > maxBytes) throw tooLarge(maxBytes);
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    throw wrap(e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The same without blocking the thread (for the language server's main thread). */
export async function readRegularFile(file: string, maxBytes = Infinity): Promise<Buffer> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(file, FLAGS);
    const st = await handle.stat();
    check(st, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.max(CHUNK, Math.min(st.size + 1 - total, 64 * CHUNK)));
      const { bytesRead: n } = await handle.read(buf, 0, buf.length, null);
      if (n <= 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > maxBytes) throw tooLarge(maxBytes);
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    throw wrap(e);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
