/** Returned by `ByteKeyTable.lookup` for a key the table does not hold. */
export const ABSENT = -0x7fffffff;

const INITIAL_SLOTS = 2048;
/** Numbers per slot: hash, key length + 1 (0 for an empty slot), key start in the pool, value. */
const SLOT_STRIDE = 4;
const HASH = 0;
const LENGTH = 1;
const START = 2;
const VALUE = 3;

/**
 * An open-addressing hash table from byte strings to integers, used as a cache in front
 * of string-keyed work. A lookup hashes and compares the bytes four at a time through a
 * DataView, so it allocates no string: V8 would hash a new string on every line.
 *
 * Each slot stores a key's hash, length, pool offset and value side by side. So a lookup reads
 * two cache lines, the slot and the key's bytes, where one array per field took six.
 *
 * It contains at most `maxEntries` keys and clears all of them when one more is added, so
 * unique keys (query strings, IPs) cannot grow it without bound.
 */
export class ByteKeyTable {
  /** SLOT_STRIDE numbers per slot. At most half of the slots are used. */
  private slots = new Int32Array(INITIAL_SLOTS * SLOT_STRIDE);
  private mask = INITIAL_SLOTS - 1;
  private pool = new Uint8Array(INITIAL_SLOTS * 32);
  private poolView = new DataView(this.pool.buffer);
  private poolUsed = 0;
  private size = 0;
  /** The last buffer passed in and a view of it. */
  private source: Uint8Array | null = null;
  private sourceView: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  /** Hash and slot of the key of the last lookup that found nothing, for `add`. */
  private missHash = 0;
  private missSlot = 0;

  constructor(private readonly maxEntries: number) {}

  /** Returns the value stored for `bytes[start, end)`, or ABSENT. */
  lookup(bytes: Uint8Array, start: number, end: number): number {
    if (bytes !== this.source) {
      this.source = bytes;
      this.sourceView = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    const length = end - start;
    const hash = this.hashKey(start, length);
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const at = slot * SLOT_STRIDE;
      const storedLength = (slots[at + LENGTH] as number) - 1;
      if (storedLength < 0) break;
      if (
        slots[at + HASH] === hash &&
        storedLength === length &&
        this.keyEquals(slots[at + START] as number, start, length)
      ) {
        return slots[at + VALUE] as number;
      }
      slot = (slot + 1) & this.mask;
    }
    this.missHash = hash;
    this.missSlot = slot;
    return ABSENT;
  }

  /** Stores `value` for `bytes[start, end)`, which the last call of `lookup` did not find. */
  add(bytes: Uint8Array, start: number, end: number, value: number): void {
    let slot = this.missSlot;
    if (this.size >= this.maxEntries) {
      this.clear();
      slot = this.freeSlot(this.missHash);
    } else if ((this.size + 1) * 2 > this.mask + 1) {
      this.growSlots();
      slot = this.freeSlot(this.missHash);
    }
    const length = end - start;
    if (this.poolUsed + length > this.pool.length) this.growPool(length);
    const at = slot * SLOT_STRIDE;
    this.slots[at + HASH] = this.missHash;
    this.slots[at + LENGTH] = length + 1;
    this.slots[at + START] = this.poolUsed;
    this.slots[at + VALUE] = value;
    this.pool.set(bytes.subarray(start, end), this.poolUsed);
    this.poolUsed += length;
    this.size += 1;
  }

  /** Hashes the key four bytes at a time (a Murmur3-style mix) from the source view. */
  private hashKey(start: number, length: number): number {
    const view = this.sourceView;
    let hash = length;
    let offset = 0;
    for (; offset + 4 <= length; offset += 4) {
      hash = Math.imul(hash ^ view.getInt32(start + offset, true), 0x5bd1e995);
      hash ^= hash >>> 15;
    }
    for (; offset < length; offset += 1) {
      hash = Math.imul(hash ^ view.getUint8(start + offset), 0x5bd1e995);
    }
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
    return hash ^ (hash >>> 16);
  }

  private keyEquals(keyStart: number, start: number, length: number): boolean {
    const view = this.sourceView;
    const pool = this.poolView;
    let index = 0;
    for (; index + 4 <= length; index += 4) {
      if (pool.getInt32(keyStart + index, true) !== view.getInt32(start + index, true))
        return false;
    }
    for (; index < length; index += 1) {
      if (pool.getUint8(keyStart + index) !== view.getUint8(start + index)) return false;
    }
    return true;
  }

  /** Returns the first empty slot on the probe path of `hash`. */
  private freeSlot(hash: number): number {
    let slot = hash & this.mask;
    while (this.slots[slot * SLOT_STRIDE + LENGTH] !== 0) slot = (slot + 1) & this.mask;
    return slot;
  }

  private clear(): void {
    this.slots.fill(0);
    this.size = 0;
    this.poolUsed = 0;
  }

  /** Doubles the slots and moves every key to its slot in the new table. */
  private growSlots(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = (this.mask << 1) | 1;
    for (let at = 0; at < old.length; at += SLOT_STRIDE) {
      if (old[at + LENGTH] === 0) continue;
      const target = this.freeSlot(old[at + HASH] as number) * SLOT_STRIDE;
      for (let field = 0; field < SLOT_STRIDE; field += 1) {
        this.slots[target + field] = old[at + field] as number;
      }
    }
  }

  private growPool(length: number): void {
    const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + length));
    pool.set(this.pool.subarray(0, this.poolUsed));
    this.pool = pool;
    this.poolView = new DataView(pool.buffer);
  }
}
