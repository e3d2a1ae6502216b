/**
 * `entente calibrate --apply`: write the fitted values into the scenario file
 * in place, each rounded to 4 significant digits. YAML and JSON files alike
 * (JSON is YAML to the parser); the file is replaced atomically.
 */
import { realpathSync } from 'node:fs';
import { isScalar, parseDocument } from 'yaml';
import { EntenteError } from '../errors.js';
import type { Value } from '../experiments/designs/design.js';
import { writeAtomic } from '../io/atomicFile.js';
import { readRegularText } from '../io/readFile.js';
import { resolvePath } from '../scenario/paths.js';
import type { ScenarioFile } from '../scenario/schema.js';

/** The value a fitted number is written as: 4 significant digits (expressions are written as they are). */
export function fittedValue(value: Value): Value {
  return typeof value === 'number' ? Number(value.toPrecision(4)) : value;
}

/**
 * Each value is replaced where it stands in the text (the YAML node's source
 * range), so everything else in the file (comments, alignment, flow style)
 * stays byte for byte. A fitted path must already hold a value in the file.
 */
export function applyFitted(scenarioFile: string, scenario: ScenarioFile, paths: readonly string[], values: readonly Value[]): void {
  const text = readRegularText(scenarioFile);
  const doc = parseDocument(text);
  const edits = paths.map((path, i) => {
    const { segments } = resolvePath({ ...scenario } as unknown as Record<string, unknown>, path); // copies, never mutates
    const node = doc.getIn(segments, true);
    if (!isScalar(node) || !node.range) {
      throw new EntenteError('calibration.apply', `cannot write ${path}: the scenario file does not hold a value there`, {
        where: { file: scenarioFile, path },
        expected: 'a value at every fitted path (write a starting value by hand once)',
      });
    }
    const value = fittedValue(values[i] as Value);
    return { from: node.range[0], to: node.range[1], text: typeof value === 'number' ? String(value) : JSON.stringify(value) };
  });
  edits.sort((a, b) => b.from - a.from);
  let out = text;
  for (const e of edits) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  // Through a symbolic link to the file it names: renaming over the link would replace it with a copy.
  writeAtomic(realpathSync(scenarioFile), out);
}
