/** repeatedKey (src/scenario/jsonKeys.ts) finds what YAML's uniqueKeys finds in valid JSON, and nothing else. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { repeatedKey } from '../../src/scenario/jsonKeys.js';

describe('repeatedKey', () => {
  it('finds a key repeated in one object, at any depth, with escapes and look-alike strings around it', () => {
    const nested = '{"a": 1, "b": {"c": [1, {"d": 2, "d": 3}]}}';
    expect(repeatedKey(nested)).toEqual({ key: 'd', at: nested.indexOf('"d": 3') });
    expect(repeatedKey('{"a\\"b": 1, "a\\"b": 2}')?.key).toBe('a"b');
    expect(repeatedKey('{"a": "a", "b": ["a", "a"], "c": {"a": 1}}')).toBeUndefined();
    expect(repeatedKey('{"x\\\\": 1, "y": "\\\\", "x\\\\": 2}')?.key).toBe('x\\');
    expect(repeatedKey('[{"a": 1}, {"a": 1}]')).toBeUndefined();
  });

  it('agrees with YAML’s unique-keys check on any JSON value', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), fc.nat(), (json, seed) => {
        // Repeat a key in the text at times: JSON.stringify never writes one.
        const text = seed % 3 === 0 ? json.replace(/\{"([^"\\]*)":/, '{"$1":0,"$1":') : json;
        const yaml = parseDocument(text, { uniqueKeys: true }).errors.some((e) => /unique/.test(e.message));
        return (repeatedKey(text) !== undefined) === yaml;
      }),
      { numRuns: 3_000 },
    );
  });
});
