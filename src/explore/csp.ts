/**
 * The explore page's Content-Security-Policy (docs/explore.md, Security). The page is sent by
 * e-mail and opened from a file, so its policy travels in a <meta> element, and it lets run only
 * the page's own script and style, each named by its SHA-256: no 'unsafe-inline', so an inline
 * event handler or a javascript: URL cannot run even if markup ever reached the page, and Trusted
 * Types (where the browser has them) make assigning a string to innerHTML and the like throw.
 *
 * What a <meta> policy cannot do: `sandbox`, `frame-ancestors` and `report-uri` are ignored there,
 * and no browser implements `navigate-to`, so nothing in the policy stops the page's own script
 * from navigating the top window. The page holds no link and builds none from the scenario, and
 * `form-action 'none'` and `base-uri 'none'` leave no form or base address to navigate with.
 */
import { createHash } from 'node:crypto';

/** The CSP source that allows exactly this inline element's text. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Text as a browser hashes it: the HTML parser turns CR LF and a lone CR into LF before the
 * element's text is hashed, so the text is written that way and hashed that way.
 */
export function asParsed(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The policy for a page whose one script and one style element hold exactly these texts. */
export function pagePolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src ${hashSource(script)}`,
    `style-src ${hashSource(style)}`,
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}
