import { constants, deflateRawSync } from 'node:zlib';

/**
 * Zips whose headers lie (issue 11): a few MB that inflate to gigabytes while the central directory claims a small
 * size. Built without inflating anything: one flushed deflate block of 1 MiB of zeros (about 1 KB) repeated, since a
 * full flush resets the window, so each copy stands alone; an empty final block closes the stream.
 */
export function deflatedZeros(inflatedMiB: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH });
  const out = Buffer.alloc(block.length * inflatedMiB + 5);
  for (let i = 0; i < inflatedMiB; i++) block.copy(out, i * block.length);
  // BFINAL=1, stored, LEN=0, NLEN=0xffff.
  out.set([0x01, 0x00, 0x00, 0xff, 0xff], block.length * inflatedMiB);
  return out;
}

export interface RawEntry {
  name: string;
  /** The bytes as stored in the archive (already deflated when method is 8). */
  data: Uint8Array;
  method: 0 | 8;
  /** What the headers claim the entry inflates to. */
  declaredSize: number;
}

/** A zip of the entries exactly as given (no CRC is checked by readers of ours; it is left 0). */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(e.data));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/** A QDPX whose project.qde claims `declaredMiB` and inflates to `inflatedMiB` of zeros. */
export function lyingQdpx(declaredMiB: number, inflatedMiB: number): Uint8Array {
  return rawZip([{ name: 'project.qde', data: deflatedZeros(inflatedMiB), method: 8, declaredSize: Math.round(declaredMiB * 1024 * 1024) }]);
}
