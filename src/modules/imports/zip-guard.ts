import zlib from 'node:zlib';
import { invalid } from '../../platform/errors.js';
import type { Text } from '../../platform/i18n/messages.js';
import { importsText } from './imports.messages.js';
import type { FileSource } from './imports.reader.js';

/**
 * A workbook is a ZIP archive, and a ZIP archive can hide a bomb: a few kilobytes that inflate to
 * gigabytes. Before a workbook reaches the spreadsheet reader, its central directory is read
 * (nothing inflated) and refused if it declares too much; then every entry is inflated once into
 * nothing, counting, and refused the moment it outgrows what it declared or the total outgrows
 * the limit. So a lying archive costs at most the limit, never the bomb.
 */

export interface ZipLimits {
  /** Inflated bytes of all entries together. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Inflated ÷ deflated, for entries over a megabyte. */
  maxRatio: number;
}

export const WORKBOOK_LIMITS: ZipLimits = { maxTotalBytes: 400 * 1024 * 1024, maxEntries: 2000, maxRatio: 200 };

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const refuse = (detail: Text) => invalid(importsText('xlsx.unreadable', { reason: detail }), [{ pointer: '/body', detail }]);

export async function readCentralDirectory(source: FileSource): Promise<ZipEntry[]> {
  const tailLength = Math.min(source.size, 22 + 65_535);
  const tail = await source.read(source.size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw refuse(importsText('zip.endMissing'));
  const count = tail.readUInt16LE(at + 10);
  const size = tail.readUInt32LE(at + 12);
  const offset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw refuse(importsText('zip.zip64'));
  if (offset + size > source.size) throw refuse(importsText('zip.cutShort'));
  const directory = await source.read(offset, size);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i += 1) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) throw refuse(importsText('zip.contentsDamaged'));
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    entries.push({
      flags: directory.readUInt16LE(p + 8),
      method: directory.readUInt16LE(p + 10),
      compressedSize: directory.readUInt32LE(p + 20),
      uncompressedSize: directory.readUInt32LE(p + 24),
      localHeaderOffset: directory.readUInt32LE(p + 42),
      name: directory.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** What the central directory declares, checked against the limits before anything is inflated. */
export function checkDeclared(entries: readonly ZipEntry[], limits: ZipLimits): void {
  if (entries.length > limits.maxEntries) throw refuse(importsText('zip.tooManyFiles', { count: entries.length }));
  let total = 0;
  for (const entry of entries) {
    if (entry.flags & 0x1) throw refuse(importsText('zip.password'));
    if (entry.method !== 0 && entry.method !== 8) throw refuse(importsText('zip.method', { method: entry.method }));
    if (entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff) throw refuse(importsText('zip.zip64'));
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)) {
      throw refuse(importsText('zip.bombRatio', { name: entry.name, ratio: Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize)) }));
    }
  }
  if (total > limits.maxTotalBytes) throw refuse(importsText('zip.tooLarge', { mb: Math.round(total / 1024 / 1024), max: Math.round(limits.maxTotalBytes / 1024 / 1024) }));
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) throw refuse(importsText('zip.notWorkbook'));
}

/** Inflates one entry into nothing, counting; stops as soon as it passes `limit` bytes. */
async function inflatedSize(source: FileSource, entry: ZipEntry, dataStart: number, limit: number): Promise<number> {
  if (entry.method === 0) return entry.compressedSize === entry.uncompressedSize ? entry.compressedSize : Number.POSITIVE_INFINITY;
  const inflate = zlib.createInflateRaw();
  let produced = 0;
  const counted = new Promise<number>((resolve, reject) => {
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > limit) {
        inflate.destroy();
        resolve(produced);
      }
    });
    inflate.on('end', () => resolve(produced));
    inflate.on('error', () => reject(refuse(importsText('zip.entryDamaged', { name: entry.name }))));
  });
  let remaining = entry.compressedSize;
  for await (const chunk of source.stream(dataStart)) {
    if (remaining <= 0 || inflate.destroyed) break;
    const piece = chunk.length > remaining ? chunk.subarray(0, remaining) : chunk;
    remaining -= piece.length;
    if (!inflate.write(piece)) {
      await new Promise((resolve) => {
        inflate.once('drain', resolve);
        inflate.once('close', resolve);
      });
    }
  }
  if (!inflate.destroyed) inflate.end();
  return counted;
}

/**
 * Checks the archive as a reader walking it from the start would see it: entries one after the
 * other with nothing hidden between them, each inflating to no more than it declared.
 */
export async function checkInflated(source: FileSource, entries: readonly ZipEntry[], limits: ZipLimits): Promise<void> {
  const ordered = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let expected = 0;
  let total = 0;
  for (const entry of ordered) {
    if (entry.localHeaderOffset !== expected) throw refuse(importsText('zip.hiddenData'));
    const header = await source.read(entry.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw refuse(importsText('zip.filesDamaged'));
    const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const size = await inflatedSize(source, entry, dataStart, Math.min(entry.uncompressedSize, limits.maxTotalBytes - total));
    if (size > entry.uncompressedSize) throw refuse(importsText('zip.inflatesMore', { name: entry.name }));
    total += size;
    if (total > limits.maxTotalBytes) throw refuse(importsText('zip.inflatesOver', { max: Math.round(limits.maxTotalBytes / 1024 / 1024) }));
    expected = dataStart + entry.compressedSize;
    if (entry.flags & 0x8) {
      // A data descriptor follows the data: 12 or 16 bytes, with or without its signature.
      const descriptor = await source.read(expected, 4);
      expected += descriptor.length === 4 && descriptor.readUInt32LE(0) === 0x08074b50 ? 16 : 12;
    }
  }
}

/** One small entry of the archive, inflated (the workbook's list of sheets); null when absent or too big. */
export async function readSmallEntry(source: FileSource, entries: readonly ZipEntry[], name: string, maxBytes = 1024 * 1024): Promise<Buffer | null> {
  const entry = entries.find((e) => e.name === name);
  if (!entry || entry.uncompressedSize > maxBytes || entry.compressedSize > maxBytes) return null;
  const header = await source.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw refuse(importsText('zip.filesDamaged'));
  const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = await source.read(dataStart, entry.compressedSize);
  try {
    return entry.method === 0 ? data : zlib.inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    throw refuse(importsText('zip.entryDamaged', { name: entry.name }));
  }
}

/** The worksheet names of a workbook, in order. */
export async function sheetNames(source: FileSource, limits: ZipLimits = WORKBOOK_LIMITS): Promise<string[]> {
  const entries = await readCentralDirectory(source);
  checkDeclared(entries, limits);
  const workbook = (await readSmallEntry(source, entries, 'xl/workbook.xml'))?.toString('utf8') ?? '';
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => unescape(m[1] as string));
}
