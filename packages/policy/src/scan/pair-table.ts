/** Numbers per slot: key + 1 (0 for an empty slot), requests, first and last time. */
const SLOT_STRIDE = 4;
const KEY = 0;
const REQUESTS = 1;
const FIRST = 2;
const LAST = 3;
const INITIAL_SLOTS = 1 << 12;
/** The bound on client numbers in a key: a key is `operation * CLIENT_RANGE + client`. */
const CLIENT_RANGE = 2 ** 32;

/** The numbers of one pair, as `PairTable.read` copies them. */
export interface PairNumbers {
  operation: number;
  client: number;
  source: number;
  requests: number;
  firstTime: number;
  lastTime: number;
}

/**
 * Request counts per (operation, client) pair. Each slot of the open-addressing table contains
 * the pair's numbers themselves, so counting a request reads one cache line. A slot that
 * pointed to the numbers elsewhere cost two reads, and with tens of thousands of pairs both
 * often missed the CPU caches.
 *
 * Pairs are also numbered in first-seen order, which the report keeps.
 */
export class PairTable {
  /** The number of pairs. */
  size = 0;
  /** SLOT_STRIDE numbers per slot. At most half of the slots are used. */
  private slots = new Float64Array(INITIAL_SLOTS * SLOT_STRIDE);
  private mask = INITIAL_SLOTS - 1;
  /** Per pair number: its slot and its identity source. */
  private slotOfPair = new Int32Array(INITIAL_SLOTS / 2);
  private sourceOfPair = new Uint8Array(INITIAL_SLOTS / 2);

  /**
   * Adds `count` requests at times `first` to `last` (epoch milliseconds, NaN when unknown)
   * to the pair, and returns true when the pair is new. `source` is kept from the first call.
   */
  add(
    operation: number,
    client: number,
    source: number,
    count: number,
    first: number,
    last: number,
  ): boolean {
    const key = operation * CLIENT_RANGE + client + 1;
    const slots = this.slots;
    let slot = pairHash(operation, client) & this.mask;
    for (;;) {
      const at = slot * SLOT_STRIDE;
      const known = slots[at + KEY] as number;
      if (known === key) {
        slots[at + REQUESTS] = (slots[at + REQUESTS] as number) + count;
        const knownFirst = slots[at + FIRST] as number;
        if (first < knownFirst || Number.isNaN(knownFirst)) slots[at + FIRST] = first;
        const knownLast = slots[at + LAST] as number;
        if (last > knownLast || Number.isNaN(knownLast)) slots[at + LAST] = last;
        return false;
      }
      if (known === 0) break;
      slot = (slot + 1) & this.mask;
    }
    this.insert(slot, key, source, count, first, last);
    return true;
  }

  /** Copies the numbers of pair number `pair` (0 to size - 1) into `out`. */
  read(pair: number, out: PairNumbers): void {
    const at = (this.slotOfPair[pair] as number) * SLOT_STRIDE;
    const key = (this.slots[at + KEY] as number) - 1;
    out.operation = Math.floor(key / CLIENT_RANGE);
    out.client = key - out.operation * CLIENT_RANGE;
    out.source = this.sourceOfPair[pair] as number;
    out.requests = this.slots[at + REQUESTS] as number;
    out.firstTime = this.slots[at + FIRST] as number;
    out.lastTime = this.slots[at + LAST] as number;
  }

  private insert(
    slot: number,
    key: number,
    source: number,
    count: number,
    first: number,
    last: number,
  ): void {
    if (this.size === this.slotOfPair.length) this.growPairs();
    const at = slot * SLOT_STRIDE;
    this.slots[at + KEY] = key;
    this.slots[at + REQUESTS] = count;
    this.slots[at + FIRST] = first;
    this.slots[at + LAST] = last;
    this.slotOfPair[this.size] = slot;
    this.sourceOfPair[this.size] = source;
    this.size += 1;
    if (this.size * 2 > this.mask + 1) this.growSlots();
  }

  private growPairs(): void {
    const slotOfPair = new Int32Array(this.slotOfPair.length * 2);
    slotOfPair.set(this.slotOfPair);
    this.slotOfPair = slotOfPair;
    const sourceOfPair = new Uint8Array(this.sourceOfPair.length * 2);
    sourceOfPair.set(this.sourceOfPair);
    this.sourceOfPair = sourceOfPair;
  }

  /** Doubles the slots and moves every pair, in first-seen order, to its new slot. */
  private growSlots(): void {
    const old = this.slots;
    const slots = new Float64Array(old.length * 2);
    const mask = (this.mask << 1) | 1;
    for (let pair = 0; pair < this.size; pair += 1) {
      const from = (this.slotOfPair[pair] as number) * SLOT_STRIDE;
      const key = (old[from + KEY] as number) - 1;
      const operation = Math.floor(key / CLIENT_RANGE);
      let slot = pairHash(operation, key - operation * CLIENT_RANGE) & mask;
      while (slots[slot * SLOT_STRIDE + KEY] !== 0) slot = (slot + 1) & mask;
      const to = slot * SLOT_STRIDE;
      for (let field = 0; field < SLOT_STRIDE; field += 1) {
        slots[to + field] = old[from + field] as number;
      }
      this.slotOfPair[pair] = slot;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** Mixes an (operation, client) pair into 32 bits whose low bits are all well spread. */
function pairHash(operation: number, client: number): number {
  let hash = Math.imul(operation ^ Math.imul(client, 0x85ebca77), 0x9e3779b1);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return hash ^ (hash >>> 13);
}
