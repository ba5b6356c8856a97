/**
 * citeproc in a worker thread, for a one-off build on a machine with a core
 * to spare: starting an engine (reading the style into citeproc's tokens)
 * and registering the sources is a third of a cold build of a cited deck,
 * and needs only the style and locale, which the front matter gives before
 * the deck is parsed (see ./prewarm.ts). The main thread parses meanwhile,
 * then asks for all of a deck's outputs in one batch (`CiteEngine.record`).
 *
 * The worker does not keep the process alive; it is ended by `close`.
 * From the TypeScript sources (tests) there is no worker: everything is
 * formatted in the main thread, with the same code (./citeproc-session.ts).
 */
import {extname} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import type {CslRequest, Registration} from './citeproc-session.js'
import type {RemoteCiteproc} from './engine.js'
import type {CslItem} from './load.js'

/** A message to the worker. */
export type CitationRequest =
  | {type: 'start'; session: number; xml: string; lang: string}
  | {type: 'format'; id: number; session: number; registration: Registration; items: Array<[string, CslItem]>; requests: CslRequest[]}

/** The worker's answer to a `format` message. */
export type WorkerReply = {id: number; outputs: string[]} | {id: number; error: string}

const WORKER = new URL(`./worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url)

export class CiteprocWorker {
  private worker: Worker | undefined
  private readonly sessions = new Map<string, RemoteCiteproc>()
  private readonly waiting = new Map<number, {resolve: (outputs: string[]) => void; reject: (error: Error) => void}>()
  private nextId = 0

  /** Whether a worker can run here: compiled JavaScript (`.js`, or `.cjs` in the bundled CLI), not the TypeScript sources. */
  static available(): boolean {
    return /\.c?js$/.test(WORKER.pathname)
  }

  /** Starts the thread, which loads citeproc, before an engine is asked for: the main thread is still finding the style. */
  boot(): void {
    this.thread()
  }

  /**
   * Starts (once) an engine for `xml` and `lang` in the worker; the handle
   * formats with it. With `lazily`, the engine starts only when the handle is
   * first asked to format: a deck whose outputs are all kept needs none.
   */
  start(xml: string, lang: string, lazily = false): void {
    const key = `${lang}\u0000${xml}`
    if (this.sessions.has(key)) return
    const session = this.sessions.size
    let started = false
    const begin = () => {
      if (started) return
      started = true
      this.thread().postMessage({type: 'start', session, xml, lang} satisfies CitationRequest)
    }
    if (!lazily) begin()
    this.sessions.set(key, {
      format: (registration, items, requests) => {
        begin()
        return this.format(session, registration, items, requests)
      }
    })
  }

  /** The handle of an engine started for `xml` and `lang`, if any. */
  session(xml: string, lang: string): RemoteCiteproc | undefined {
    return this.sessions.get(`${lang}\u0000${xml}`)
  }

  /** Ends the worker; an engine started later starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker
    this.worker = undefined
    this.sessions.clear()
    await worker?.terminate()
  }

  private format(session: number, registration: Registration, items: Array<[string, CslItem]>, requests: CslRequest[]): Promise<string[]> {
    const worker = this.thread()
    const id = this.nextId++
    const outputs = new Promise<string[]>((resolve, reject) => this.waiting.set(id, {resolve, reject}))
    // Kept alive while an answer is awaited: nothing else may be holding the process open.
    if (this.waiting.size === 1) worker.ref()
    worker.postMessage({type: 'format', id, session, registration, items, requests} satisfies CitationRequest)
    return outputs
  }

  private thread(): Worker {
    if (!this.worker) {
      const worker = new Worker(WORKER)
      worker.unref()
      worker.on('message', (reply: WorkerReply) => this.answer(worker, reply))
      worker.on('error', (error) => this.failAll(worker, error))
      worker.on('exit', (code) => this.failAll(worker, new Error(`the citeproc worker stopped (exit code ${code})`)))
      this.worker = worker
    }
    return this.worker
  }

  private answer(worker: Worker, reply: WorkerReply): void {
    const waiting = this.waiting.get(reply.id)
    this.waiting.delete(reply.id)
    if (this.waiting.size === 0) worker.unref()
    if ('error' in reply) waiting?.reject(new Error(reply.error))
    else waiting?.resolve(reply.outputs)
  }

  private failAll(worker: Worker, error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error)
    this.waiting.clear()
    worker.unref()
    // The next engine starts a new worker.
    if (this.worker === worker) {
      this.worker = undefined
      this.sessions.clear()
    }
  }
}
