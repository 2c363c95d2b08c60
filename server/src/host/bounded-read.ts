/**
 * Reading a small file the user named in a config (a framework, a `.mlsd.json`) without trusting
 * what it is: the file is opened non-blocking and checked with fstat on the same descriptor, so a
 * FIFO, /dev/zero, /dev/stdin, a socket or a directory is refused at once instead of blocking or
 * filling memory, and a regular file larger than the limit is refused before it is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, promises as fsp, type Stats } from 'node:fs';
import { decodeText } from './read-text';

export const MAX_CONFIG_BYTES = 1024 * 1024;

/** A refusal; `code` is a short phrase ("not a regular file (a FIFO)") or the errno code (ENOENT). */
export class FileReadError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message ?? code);
  }
}

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. (0 where it does not exist.)
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function kind(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}

function check(st: Stats, maxBytes: number): void {
  if (!st.isFile()) throw new FileReadError(`not a regular file (${kind(st)})`);
  if (st.size > maxBytes) throw new FileReadError(`larger than ${formatBytes(maxBytes)}`);
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${+(n / (1024 * 1024)).toFixed(1)} MB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

function wrap(e: unknown): FileReadError {
  if (e instanceof FileReadError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  return new FileReadError(code ?? String((e as Error)?.message ?? e));
}

/** The text of a regular file of at most `maxBytes` bytes; throws FileReadError otherwise. */
export function readSmallTextFileSync(file: string, maxBytes = MAX_CONFIG_BYTES): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, FLAGS);
    check(fstatSync(fd), maxBytes);
    // Read at most one byte over the limit: the file may have grown since fstat.
    const buf = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (let n; length < buf.length && (n = readSync(fd, buf, length, buf.length - length, null)) > 0;) length += n;
    if (length > maxBytes) throw new FileReadError(`larger than ${formatBytes(maxBytes)}`);
    return decodeText(buf.subarray(0, length));
  } catch (e) {
    throw wrap(e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The same, without blocking the thread (for the language server's main thread). */
export async function readSmallTextFile(file: string, maxBytes = MAX_CONFIG_BYTES): Promise<string> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(file, FLAGS);
    check(await handle.stat(), maxBytes);
    const buf = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (let n; length < buf.length && (n = (await handle.read(buf, length, buf.length - length, null)).bytesRead) > 0;) length += n;
    if (length > maxBytes) throw new FileReadError(`larger than ${formatBytes(maxBytes)}`);
    return decodeText(buf.subarray(0, length));
  } catch (e) {
    throw wrap(e);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
