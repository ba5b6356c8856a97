/**
 * The Content-Security-Policy a deck carries in its `<head>`, wherever it is
 * opened: from `dist/` (`file://` or a web server), in `serve`'s preview, in
 * the browser that measures and prints it (which adds its own, export/load.ts).
 *
 * - Always: connections (fetch, XHR, WebSocket, EventSource, beacons) and
 *   scripts only from the deck itself, no plugins, no forms posting anywhere,
 *   no `<base>` moving relative links. Without `--safe` the author's raw HTML
 *   is trusted as in pandoc: its inline scripts run, and its images, styles,
 *   media and frames may come from elsewhere (a remote image is reported at
 *   build time, `[remote-image]`).
 * - With `--safe`: everything only from the deck's folder, `data:` and
 *   `blob:`, so a deck you did not write cannot call out even by an image.
 *
 * `file:` sits beside `'self'` because browsers differ on whether `'self'`
 * matches a page opened from disk. CSP cannot stop WebRTC in most browsers
 * (the `webrtc` directive is specified but Chromium ignores it), so the
 * preview also removes `RTCPeerConnection` (serve/server.ts).
 */
import {h} from 'hastscript'
import type {Element} from 'hast'

const ALWAYS = "object-src 'none'; form-action 'none'; base-uri 'self'"

/** The policy for a deck built with or without `--safe`. */
export function deckPolicy(safe: boolean): string {
  if (safe) return `default-src 'self' file: data: blob:; script-src 'self' file: 'unsafe-inline'; style-src 'self' file: 'unsafe-inline'; connect-src 'self'; ${ALWAYS}`
  return `script-src 'self' file: 'unsafe-inline' 'unsafe-eval'; connect-src 'self'; ${ALWAYS}`
}

/** The policy as the `<meta>` that must come first in the head, before anything it governs. */
export function policyMeta(safe: boolean): Element {
  return h('meta', {httpEquiv: 'Content-Security-Policy', content: deckPolicy(safe)})
}
