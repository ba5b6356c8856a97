/**
 * The citeproc worker's thread: citeproc engines started as soon as the
 * build knows its style, while the main thread parses the deck, then
 * formatting each deck's citations in one batch (see ./worker-client.ts).
 */
import {parentPort} from 'node:worker_threads'
import {CiteprocSession, loadCiteproc} from './citeproc-session.js'
import type {CitationRequest, WorkerReply} from './worker-client.js'
import type {CslItem} from './load.js'

const sessions = new Map<number, {session: CiteprocSession; items: Map<string, CslItem>}>()

// The thread starts before the deck's style is known (see `CiteprocWorker.boot`): citeproc loads meanwhile.
loadCiteproc()

parentPort!.on('message', (message: CitationRequest) => {
  if (message.type === 'start') {
    const items = new Map<string, CslItem>()
    sessions.set(message.session, {session: new CiteprocSession(message.xml, message.lang, (id) => items.get(id)), items})
    return
  }
  let reply: WorkerReply
  try {
    const {session, items} = sessions.get(message.session)!
    for (const [id, item] of message.items) items.set(id, item)
    session.register(message.registration)
    reply = {id: message.id, outputs: message.requests.map((request) => session.format(request))}
  } catch (error) {
    reply = {id: message.id, error: String(error)}
  }
  parentPort!.postMessage(reply)
})
