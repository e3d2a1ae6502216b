/**
 * The first key that appears twice in one object of a JSON text (which JSON.parse accepts,
 * keeping the last): one pass over text already known to be valid JSON, so a .json scenario
 * is refused for a repeated key as a YAML one is, without a YAML parse of the whole file.
 */
export interface RepeatedKey {
  readonly key: string;
  /** Offset of the repetition in the text. */
  readonly at: number;
}

export function repeatedKey(text: string): RepeatedKey | undefined {
  // For each open container: the keys seen (objects) or null (arrays).
  const stack: (Set<string> | null)[] = [];
  let expectKey = false; // the next string in the current object is a key
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // '"': a string, to its closing quote (a backslash escapes the character after it).
      let j = i + 1;
      let escaped = false;
      while (text.charCodeAt(j) !== 34) {
        if (text.charCodeAt(j) === 92) {
          escaped = true;
          j += 2;
        } else j++;
      }
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        if (top.has(key)) return { key, at: i };
        top.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === 123) {
      stack.push(new Set());
      expectKey = true;
    } else if (c === 91) {
      stack.push(null);
    } else if (c === 125 || c === 93) {
      stack.pop();
    } else if (c === 44) {
      expectKey = stack[stack.length - 1] instanceof Set;
    }
  }
  return undefined;
}
