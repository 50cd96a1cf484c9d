import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * What reading a file gave: its bytes, or why it was not read. Only regular files are read, and
 * never more than the limit plus one byte, so a FIFO, a device such as /dev/zero or a huge sparse
 * file costs neither a hang nor memory.
 */
export type FileBytes =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'missing' | 'unreadable'; message: string }
  | { ok: false; reason: 'not-regular'; kind: string; message: string }
  | { ok: false; reason: 'too-large'; size: number };

/**
 * Opening never blocks: a FIFO opened for reading without O_NONBLOCK waits for a writer forever.
 * O_NONBLOCK does not change reads of regular files; Windows has no FIFOs and no such flag.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK = 64 * 1024;
/** Where readRegularFileSync reads after its first read (it is synchronous: one read at a time). */
const scratch = new Uint8Array(CHUNK);

/** What a file that is not a regular file is, in words: "a named pipe (FIFO)". */
export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function notRegular(stats: Stats): FileBytes {
  return {
    ok: false,
    reason: 'not-regular',
    kind: kindOf(stats),
    message: `File is ${kindOf(stats)}, not a regular file, so it was not read; expected a Markdown file.`,
  };
}

function failed(error: unknown): FileBytes {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT')
    return { ok: false, reason: 'missing', message: 'File could not be read: ENOENT.' };
  return {
    ok: false,
    reason: 'unreadable',
    message: `File could not be read: ${code ?? (error as Error).message}.`,
  };
}

/**
 * Reads a regular file of at most `maxBytes`. The path is stat'ed first (a folder, FIFO or device is
 * refused without opening it), opened without blocking, stat'ed again through the open handle (the
 * path may have changed in between), and read in chunks that stop one byte past the limit (a file
 * may grow, and /proc files say they are empty).
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<FileBytes> {
  let handle;
  try {
    const before = statSync(file);
    if (!before.isFile()) return notRegular(before);
    if (before.size > maxBytes) return { ok: false, reason: 'too-large', size: before.size };
    handle = await open(file, OPEN_FLAGS);
    const stats = await handle.stat();
    if (!stats.isFile()) return notRegular(stats);
    if (stats.size > maxBytes) return { ok: false, reason: 'too-large', size: stats.size };
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buffer = new Uint8Array(Math.min(CHUNK, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes)
        return { ok: false, reason: 'too-large', size: Math.max(total, stats.size) };
    }
    return { ok: true, bytes: concat(chunks, total) };
  } catch (error) {
    return failed(error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * The same as readRegularFile, synchronously: for configuration, read before anything runs, and for
 * lint batches, where four thread-pool round trips per file cost more than the reads themselves.
 * `listedRegular`: the file's folder listed it as a regular file (see collectFiles' `listed`).
 */
export function readRegularFileSync(
  file: string,
  maxBytes: number,
  listedRegular = false,
): FileBytes {
  let fd: number | undefined;
  try {
    // A file its folder listed as a regular file is opened without the stat before (the stat
    // through the open handle still refuses anything else): one path lookup fewer per file.
    if (!listedRegular) {
      const before = statSync(file);
      if (!before.isFile()) return notRegular(before);
      if (before.size > maxBytes) return { ok: false, reason: 'too-large', size: before.size };
    }
    fd = openSync(file, OPEN_FLAGS);
    const stats = fstatSync(fd);
    if (!stats.isFile()) return notRegular(stats);
    if (stats.size > maxBytes) return { ok: false, reason: 'too-large', size: stats.size };
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      // The first read asks for the size the file says it has, plus a byte to see it end; later
      // reads (the one that sees the end, for an ordinary file) go to one buffer for every file,
      // copied out only when they bring bytes: no 64 KB buffer per file for the collector.
      const first = chunks.length === 0 && stats.size > 0;
      const length = Math.min(first ? stats.size + 1 : CHUNK, maxBytes + 1 - total);
      const buffer = first ? new Uint8Array(length) : scratch;
      const bytesRead = readSync(fd, buffer, 0, length, null);
      if (bytesRead === 0) break;
      chunks.push(first ? buffer.subarray(0, bytesRead) : buffer.slice(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes)
        return { ok: false, reason: 'too-large', size: Math.max(total, stats.size) };
      // A regular file that gave the size it said it has, and no byte more when asked for one
      // more, has ended: no second read to hear it (readFileSync stops there too).
      if (first && bytesRead === stats.size) break;
    }
    return { ok: true, bytes: concat(chunks, total) };
  } catch (error) {
    return failed(error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
