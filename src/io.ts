// Reading what the user gives us and writing files that are never left half-written.
import { closeSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { MAX_TEXT_BYTES } from './core/domain.js';
import { WebcareError } from './errors.js';

/** The V8 flags this run changed, each with the setting that undoes it. */
const changedV8Flags = new Map<string, string>();

// Loaded when a flag is first set: node:v8 takes a few milliseconds to load, and most runs set none.
const setFlagsFromString = (flag: string) =>
  (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).setFlagsFromString(flag);

function setV8Flag(flag: string, undo: string): void {
  setFlagsFromString(flag);
  changedV8Flags.set(flag, undo);
}

/**
 * Compiles each regex straight to machine code from here on. V8 first compiles a regex to
 * bytecode and compiles it again to machine code once it runs a second time; for the checker's
 * and the classifier's large regexes the first compile costs more than the second, so skipping
 * it makes `check --jsonl` on 5,000 replies ~15% faster (bench/check.mjs). Not for a reply or
 * two (`check --text`, `draft`): the few regexes those run are ready sooner as bytecode. V8 reads
 * the flag at each compile; Node keeps its flags writable (v20, v22, v24 tried).
 */
export function compileRegexesToMachineCode(): void {
  setV8Flag('--no-regexp-tier-up', '--regexp-tier-up');
}

/**
 * Holds V8's young generation at its start size. Over a long batch V8 keeps doubling it (to
 * 32 MB), which alone made peak memory for 200,000 messages 1.3x that for 2,000
 * (bench/batch.mjs), at no measurable gain in speed. V8 reads the flag at each growth decision.
 */
export function growYoungGenerationSlowly(): void {
  setV8Flag('--semi-space-growth-factor=1', '--semi-space-growth-factor=2');
}

/** Puts V8's flags back to their defaults: the code cache (src/launch.ts) is only valid under those. */
export function restoreV8Flags(): void {
  for (const undo of changedV8Flags.values()) setFlagsFromString(undo);
  changedV8Flags.clear();
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Turns raw bytes into text, refusing what would only produce garbage in a reply:
 * binary data, invalid UTF-8, an oversized or empty message. `source` names the input in errors.
 */
export function decodeText(bytes: Uint8Array, source: string, maxBytes = MAX_TEXT_BYTES): string {
  if (bytes.length > maxBytes) {
    throw new WebcareError(
      `${source} is too large; the limit is ${formatKb(maxBytes)} (${formatBytes(maxBytes)}) per message. Split it or trim it.`,
    );
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new WebcareError(`${source} is UTF-16 text. Save it as UTF-8 and try again.`);
  }
  if (bytes.includes(0)) {
    throw new WebcareError(`${source} looks like binary data, not text. Give a plain-text message.`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new WebcareError(`${source} is not valid UTF-8. Save it as UTF-8 and try again.`);
  }
  if (isBlank(text)) {
    throw new WebcareError(`${source} is empty. Give the message text as a file, with --text, or on stdin.`);
  }
  return text;
}

export function formatKb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

/** Exact: the KB figure alone rounds 100 KB + 1 byte down to "100 KB". */
function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString('en')} bytes`;
}

/** Only white space and invisible characters (zero-width spaces, joiners, a BOM): no message. */
export function isBlank(text: string): boolean {
  return /^[\s\u200B-\u200D\u2060\uFEFF]*$/.test(text);
}

export function readTextFile(path: string, maxBytes = MAX_TEXT_BYTES): string {
  let bytes: Buffer;
  try {
    bytes = readAtMost(path, maxBytes + 1);
  } catch (error) {
    throw new WebcareError(`cannot read ${path}: ${describeFsError(error)}`);
  }
  return decodeText(bytes, path, maxBytes);
}

/**
 * Reads no more than `limit` bytes: /dev/zero or a 4 GB log must not fill memory (nor keep the
 * process too busy to hear Ctrl-C) only to be refused as too large afterwards.
 */
function readAtMost(path: string, limit: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(limit);
    let length = 0;
    for (let n = -1; n !== 0 && length < limit; length += n) n = readSync(fd, buffer, length, limit - length, null);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Reads all of stdin as bytes, stopping early (with an error) past the size limit. */
export async function readStdinBytes(maxBytes = MAX_TEXT_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      process.stdin.destroy();
      throw new WebcareError(
        `stdin is too large; the limit is ${formatKb(maxBytes)} (${formatBytes(maxBytes)}) per message. Split it or trim it.`,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readStdinText(maxBytes = MAX_TEXT_BYTES): Promise<string> {
  return decodeText(await readStdinBytes(maxBytes), 'stdin', maxBytes);
}

export function stdinIsPiped(): boolean {
  return !process.stdin.isTTY;
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return (error as Error)?.message ?? String(error);
  }
}

/** Temporary files still being written; removed if the process is interrupted. */
const pendingTempFiles = new Set<string>();

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
}

/** Registers a temp file so an interrupt removes it instead of leaving it behind. */
export function trackTempFile(path: string): () => void {
  pendingTempFiles.add(path);
  return () => pendingTempFiles.delete(path);
}

export function removePendingTempFiles(): void {
  for (const path of pendingTempFiles) rmSync(path, { force: true });
  pendingTempFiles.clear();
}

/** Writes the whole file next to the target, then renames it over: readers never see half a file. */
export function writeFileAtomic(target: string, data: string): void {
  const temp = tempPathFor(target);
  const untrack = trackTempFile(temp);
  try {
    writeFileSync(temp, data);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new WebcareError(`cannot write ${target}: ${describeFsError(error)}`);
  } finally {
    untrack();
  }
}

/** Opens the controlling terminal (for prompts when stdin is a pipe); null when there is none. */
export function openControllingTerminal(): number | null {
  try {
    return openSync('/dev/tty', 'r+');
  } catch {
    return null;
  }
}


/**
 * The message (or reply) a command works on: a file argument, --text, or piped stdin, in that
 * order. null when none was given and stdin is a terminal: the caller may ask for it.
 */
export async function readGivenText(file: string | undefined, text: string | undefined): Promise<string | null> {
  if (file !== undefined && text !== undefined) {
    throw new WebcareError('give the message as a file or with --text, not both.');
  }
  if (file !== undefined) return file === '-' ? readStdinText() : readTextFile(file);
  if (text !== undefined) return decodeText(Buffer.from(text, 'utf8'), '--text');
  if (stdinIsPiped()) return readStdinText();
  return null;
}
