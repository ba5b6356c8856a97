/**
 * Undo on Ctrl-C: a write in progress registers a synchronous cleanup (remove
 * its temporary, put the previous output back), run when the process is
 * interrupted (SIGINT, SIGTERM, SIGHUP) or exits before the write ends. The
 * signal is then raised again, so the process ends as it would have.
 */

type Cleanup = () => void

/** The signals that end citedeck and get their cleanup first (writes here, the browser in export/browser.ts). */
export const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
const pending = new Set<Cleanup>()

function runAll() {
  for (const cleanup of pending) {
    try {
      cleanup()
    } catch {
      // One failed cleanup must not stop the others; the next write sweeps what is left.
    }
  }
  pending.clear()
}

function onSignal(signal: NodeJS.Signals) {
  // Another listener owns this signal: the browser's (it kills Chromium, then
  // raises the signal again, and we get it alone), or a preview or watch that
  // stops cleanly and lets the write finish. Only when alone do we end things.
  if (process.listenerCount(signal) > 1) return
  runAll()
  unsubscribe()
  process.kill(process.pid, signal)
}

function subscribe() {
  // First in line, so the count of listeners above is the one the signal found.
  for (const signal of SIGNALS) process.prependListener(signal, onSignal)
  process.on('exit', runAll)
}

function unsubscribe() {
  for (const signal of SIGNALS) process.off(signal, onSignal)
  process.off('exit', runAll)
}

/** Registers `cleanup` until the returned function is called (when the work is done, or failed and cleaned up itself). */
export function onInterrupt(cleanup: Cleanup): () => void {
  if (pending.size === 0) subscribe()
  pending.add(cleanup)
  return () => {
    if (!pending.delete(cleanup) || pending.size > 0) return
    unsubscribe()
  }
}
