/** Returned by `ByteKeyTable.lookup` for a key the table does not hold. */
export const ABSENT = -0x7fffffff;

const EMPTY = 0;
const INITIAL_CAPACITY = 1024;
/** Numbers per slot (hash, entry number + 1) and per entry (start in the pool, length, value). */
const SLOT_STRIDE = 2;
const ENTRY_STRIDE = 3;

/**
 * An open-addressing hash table from byte strings to integers, used as a cache in front
 * of string-keyed work. A lookup hashes and compares the bytes four at a time through a
 * DataView, so it allocates no string: V8 would hash a new string on every line.
 *
 * A slot stores the key's hash next to its entry number, and an entry stores its fields side
 * by side. So a lookup reads three cache lines (slot, entry, key bytes), where one array per
 * field took six.
 *
 * It contains at most `maxEntries` keys and clears all of them when one more is added, so
 * unique keys (query strings, IPs) cannot grow it without bound.
 */
export class ByteKeyTable {
  /** Per slot: hash and entry number + 1, or EMPTY. At most a quarter of the slots are used. */
  private slots = new Int32Array(INITIAL_CAPACITY * 2 * SLOT_STRIDE);
  private mask = INITIAL_CAPACITY * 2 - 1;
  private entries = new Int32Array(INITIAL_CAPACITY * ENTRY_STRIDE);
  private capacity = INITIAL_CAPACITY;
  private pool = new Uint8Array(INITIAL_CAPACITY * 64);
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
      const entry = slots[slot * SLOT_STRIDE + 1] as number;
      if (entry === EMPTY) break;
      if (slots[slot * SLOT_STRIDE] === hash) {
        const offset = (entry - 1) * ENTRY_STRIDE;
        if (this.entries[offset + 1] === length && this.keyEquals(offset, start, length)) {
          return this.entries[offset + 2] as number;
        }
      }
      slot = (slot + 1) & this.mask;
    }
    this.missHash = hash;
    this.missSlot = slot;
    return ABSENT;
  }

  /** Stores `value` for `bytes[start, end)`, which the last call of `lookup` did not find. */
  add(bytes: Uint8Array, start: number, end: number, value: number): void {
    let rehash = false;
    if (this.size >= this.maxEntries) {
      this.clear();
      rehash = true;
    }
    if (this.size * 2 >= this.capacity) {
      this.growEntries();
      rehash = true;
    }
    const length = end - start;
    if (this.poolUsed + length > this.pool.length) this.growPool(length);
    const index = this.size;
    this.size += 1;
    const offset = index * ENTRY_STRIDE;
    this.entries[offset] = this.poolUsed;
    this.entries[offset + 1] = length;
    this.entries[offset + 2] = value;
    this.pool.set(bytes.subarray(start, end), this.poolUsed);
    this.poolUsed += length;
    const slot = rehash ? this.freeSlot(this.missHash) : this.missSlot;
    this.slots[slot * SLOT_STRIDE] = this.missHash;
    this.slots[slot * SLOT_STRIDE + 1] = index + 1;
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

  private keyEquals(offset: number, start: number, length: number): boolean {
    const view = this.sourceView;
    const pool = this.poolView;
    const keyStart = this.entries[offset] as number;
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
    while (this.slots[slot * SLOT_STRIDE + 1] !== EMPTY) slot = (slot + 1) & this.mask;
    return slot;
  }

  private clear(): void {
    this.slots.fill(EMPTY);
    this.size = 0;
    this.poolUsed = 0;
  }

  /** Doubles the entries and rebuilds the slots, keeping the load factor at most 1/4. */
  private growEntries(): void {
    const oldSlots = this.slots;
    this.capacity *= 2;
    this.entries = grown(this.entries, this.capacity * ENTRY_STRIDE);
    this.slots = new Int32Array(this.capacity * 2 * SLOT_STRIDE);
    this.mask = this.capacity * 2 - 1;
    for (let at = 0; at < oldSlots.length; at += SLOT_STRIDE) {
      const entry = oldSlots[at + 1] as number;
      if (entry === EMPTY) continue;
      const hash = oldSlots[at] as number;
      const slot = this.freeSlot(hash);
      this.slots[slot * SLOT_STRIDE] = hash;
      this.slots[slot * SLOT_STRIDE + 1] = entry;
    }
  }

  private growPool(length: number): void {
    const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + length));
    pool.set(this.pool.subarray(0, this.poolUsed));
    this.pool = pool;
    this.poolView = new DataView(pool.buffer);
  }
}

function grown(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(capacity);
  copy.set(array);
  return copy;
}
