/**
 * Finds where a JSON pointer's value starts in JSON text, without building a full
 * syntax tree: each container's direct children are indexed once, on first use,
 * by skipping over their values. Large specs only pay for the pointers asked for.
 */
export class JsonLocator {
  private readonly text: string;
  private readonly childIndex = new Map<number, Children>();
  /**
   * End offsets of containers, recorded while skipping over them. Indexing a container that
   * was skipped before then costs its direct children only, not a scan of its whole text.
   */
  private readonly ends = new Map<number, number>();

  constructor(text: string) {
    this.text = text;
  }

  /** Offset of the deepest value found along the pointer, and how many segments matched. */
  find(segments: readonly string[]): { offset: number; keyOffset: number; matched: number } {
    let offset = this.skipSpace(0);
    let keyOffset = offset;
    let matched = 0;
    for (const segment of segments) {
      const children = this.children(offset);
      const child = children?.values.get(segment);
      if (child === undefined) break;
      keyOffset = children?.keys.get(segment) ?? child;
      offset = child;
      matched += 1;
    }
    return { offset, keyOffset, matched };
  }

  private children(offset: number): Children | undefined {
    const cached = this.childIndex.get(offset);
    if (cached) return cached;
    const open = this.text[offset];
    if (open !== '{' && open !== '[') return undefined;
    const children = open === '{' ? this.indexObject(offset) : this.indexArray(offset);
    this.childIndex.set(offset, children);
    return children;
  }

  private indexObject(offset: number): Children {
    const children: Children = { values: new Map(), keys: new Map() };
    let position = this.skipSpace(offset + 1);
    while (position < this.text.length && this.text[position] !== '}') {
      const keyStart = position;
      const keyEnd = this.skipString(position);
      const key = JSON.parse(this.text.slice(keyStart, keyEnd)) as string;
      position = this.skipSpace(keyEnd);
      position = this.skipSpace(position + 1);
      children.values.set(key, position);
      children.keys.set(key, keyStart);
      position = this.skipSpace(this.skipValue(position));
      if (this.text[position] === ',') position = this.skipSpace(position + 1);
    }
    return children;
  }

  private indexArray(offset: number): Children {
    const children: Children = { values: new Map(), keys: new Map() };
    let position = this.skipSpace(offset + 1);
    let index = 0;
    while (position < this.text.length && this.text[position] !== ']') {
      children.values.set(String(index), position);
      index += 1;
      position = this.skipSpace(this.skipValue(position));
      if (this.text[position] === ',') position = this.skipSpace(position + 1);
    }
    return children;
  }

  private skipValue(position: number): number {
    const char = this.text[position];
    if (char === '"') return this.skipString(position);
    if (char !== '{' && char !== '[') return this.skipScalar(position);
    const known = this.ends.get(position);
    if (known !== undefined) return known;
    // Offsets of the containers opened and not yet closed, innermost last.
    const open: number[] = [];
    let index = position;
    while (index < this.text.length) {
      const current = this.text.charCodeAt(index);
      if (current === 34 /* " */) {
        index = this.skipString(index);
        continue;
      }
      if (current === 123 /* { */ || current === 91 /* [ */) open.push(index);
      else if (current === 125 /* } */ || current === 93 /* ] */) {
        this.ends.set(open.pop() as number, index + 1);
        if (open.length === 0) return index + 1;
      }
      index += 1;
    }
    return index;
  }

  private skipString(position: number): number {
    let index = position + 1;
    while (index < this.text.length) {
      const next = this.text.indexOf('"', index);
      if (next === -1) return this.text.length;
      let backslashes = 0;
      while (this.text.charCodeAt(next - 1 - backslashes) === 92 /* \ */) backslashes += 1;
      if (backslashes % 2 === 0) return next + 1;
      index = next + 1;
    }
    return index;
  }

  private skipScalar(position: number): number {
    let index = position;
    while (index < this.text.length && !',}] \t\r\n'.includes(this.text[index] as string))
      index += 1;
    return index;
  }

  private skipSpace(position: number): number {
    let index = position;
    while (index < this.text.length) {
      const code = this.text.charCodeAt(index);
      if (code !== 32 && code !== 10 && code !== 13 && code !== 9) break;
      index += 1;
    }
    return index;
  }
}

/** The members of one container: where each value starts, and for objects where its key starts. */
interface Children {
  values: Map<string, number>;
  keys: Map<string, number>;
}
