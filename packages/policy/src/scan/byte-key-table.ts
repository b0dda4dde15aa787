/** Returned by `ByteKeyTable.lookup` for a key the table does not hold. */
export const ABSENT = -0x7fffffff;

const EMPTY = 0;
const INITIAL_CAPACITY = 1024;

/**
 * An open-addressing hash table from byte strings to integers, used as a cache in front
 * of string-keyed work. A lookup hashes and compares the bytes four at a time through a
 * DataView, so it allocates no string: V8 would hash a new string on every line.
 *
 * It contains at most `maxEntries` keys and clears all of them when one more is added, so
 * unique keys (query strings, IPs) cannot grow it without bound.
 */
export class ByteKeyTable {
  private slots = new Int32Array(INITIAL_CAPACITY * 2);
  private mask = INITIAL_CAPACITY * 2 - 1;
  /** Per entry: hash, start in the pool, length and value. */
  private hashes = new Int32Array(INITIAL_CAPACITY);
  private starts = new Int32Array(INITIAL_CAPACITY);
  private lengths = new Int32Array(INITIAL_CAPACITY);
  private values = new Int32Array(INITIAL_CAPACITY);
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
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot] as number;
      if (entry === EMPTY) break;
      const index = entry - 1;
      if (this.hashes[index] === hash && this.lengths[index] === length) {
        if (this.keyEquals(index, start, length)) return this.values[index] as number;
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
    if (this.size * 2 >= this.hashes.length) {
      this.growEntries();
      rehash = true;
    }
    const length = end - start;
    if (this.poolUsed + length > this.pool.length) this.growPool(length);
    const index = this.size;
    this.size += 1;
    this.hashes[index] = this.missHash;
    this.starts[index] = this.poolUsed;
    this.lengths[index] = length;
    this.values[index] = value;
    this.pool.set(bytes.subarray(start, end), this.poolUsed);
    this.poolUsed += length;
    if (rehash) this.insertSlot(index, this.missHash);
    else this.slots[this.missSlot] = index + 1;
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

  private keyEquals(index: number, start: number, length: number): boolean {
    const view = this.sourceView;
    const pool = this.poolView;
    const keyStart = this.starts[index] as number;
    let offset = 0;
    for (; offset + 4 <= length; offset += 4) {
      if (pool.getInt32(keyStart + offset, true) !== view.getInt32(start + offset, true))
        return false;
    }
    for (; offset < length; offset += 1) {
      if (pool.getUint8(keyStart + offset) !== view.getUint8(start + offset)) return false;
    }
    return true;
  }

  private insertSlot(index: number, hash: number): void {
    let slot = hash & this.mask;
    while (this.slots[slot] !== EMPTY) slot = (slot + 1) & this.mask;
    this.slots[slot] = index + 1;
  }

  private clear(): void {
    this.slots.fill(EMPTY);
    this.size = 0;
    this.poolUsed = 0;
  }

  /** Doubles the entry arrays and rebuilds the slots, keeping the load factor at most 1/4. */
  private growEntries(): void {
    const capacity = this.hashes.length * 2;
    this.hashes = grown(this.hashes, capacity);
    this.starts = grown(this.starts, capacity);
    this.lengths = grown(this.lengths, capacity);
    this.values = grown(this.values, capacity);
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity * 2 - 1;
    for (let index = 0; index < this.size; index += 1) {
      this.insertSlot(index, this.hashes[index] as number);
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
