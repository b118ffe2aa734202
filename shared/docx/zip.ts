/**
 * The .docx package's zip file, written in one pass with Node's zlib (DEFLATE and CRC-32 in
 * native code). Why not the docx library's own zip (fflate) or jszip: both are JavaScript that
 * a command-line run executes once, cold — zipping a 50 KB package took them 75–180 ms of
 * interpreter and JIT time, where zlib takes about 1 ms (CLI start-up, issue 15).
 *
 * Deterministic: entries in the order given, every entry dated `stamp` (UTC fields, as jszip
 * wrote them), no extra fields, no comment — the same files give the same bytes.
 * Node-only (node:zlib): the .docx is built in the main process, the preview backend and the CLI.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** MS-DOS date and time of a zip entry (2-second resolution; the format starts at 1980). */
function dosDateTime(stamp: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, stamp.getUTCFullYear()));
  return {
    time: (stamp.getUTCHours() << 11) | (stamp.getUTCMinutes() << 5) | Math.floor(stamp.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((stamp.getUTCMonth() + 1) << 5) | stamp.getUTCDate(),
  };
}

/** Zip files (path → text, written as UTF-8, or bytes), each compressed with DEFLATE. */
export function zipPackage(files: ReadonlyMap<string, string | Uint8Array>, stamp: Date): Uint8Array {
  if (files.size > 0xffff) throw new RangeError('over 65 535 files in a package (zip64 is not written)');
  const { time, date } = dosDateTime(stamp);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const nameBytes = Buffer.from(name, 'utf8');
    // bit 11: the name is UTF-8 (package part names are ASCII; set only when one is not)
    const flags = /^[\x20-\x7e]*$/.test(name) ? 0 : 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (DEFLATE)
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8); // DEFLATE
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra, comment, disk number, internal and external attributes: 0
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
    if (offset > 0xffffffff) throw new RangeError('package over 4 GB (zip64 is not written)');
  }
  const directorySize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  const out = Buffer.concat([...locals, ...centrals, end]);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
