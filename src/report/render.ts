/**
 * Vega-Lite → Vega → SVG, in Node with no browser and no canvas (Vega's
 * headless SVG renderer). Data are inlined in every specification, so
 * rendering never touches the network.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
