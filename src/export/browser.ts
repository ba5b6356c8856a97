/**
 * Launches the installed browser for PDF export, and makes sure it goes away:
 * a fresh temporary profile, no sync, updates or background traffic, and on
 * close, error, Ctrl-C or SIGTERM the whole Chromium process group is killed
 * and the profile removed. No orphan Chromium, no profile left in /tmp.
 */
import {mkdtempSync, readdirSync, readlinkSync, rmSync, statSync} from 'node:fs'
import {rm} from 'node:fs/promises'
import {hostname, tmpdir} from 'node:os'
import {join} from 'node:path'
import puppeteer, {type Browser} from 'puppeteer-core'
import {CitedeckError} from '../errors.js'
import {SIGNALS} from '../io/interrupt.js'
import {isRunning} from '../io/write-output.js'
import {findBrowser} from './browser-finder.js'

export interface LaunchOptions {
  /** The browser executable (default: found by `findBrowser()`). */
  executablePath?: string
  /** Milliseconds to wait for the browser to start (default: 30 000). */
  timeout?: number
  /**
   * Open the DevTools protocol on a loopback WebSocket so that other processes
   * can connect (the test suite shares one browser); default `false`: a pipe
   * only this process can use.
   */
  shareable?: boolean
  /**
   * The caller closes the session itself on Ctrl-C (a preview that stops
   * cleanly). Default `false`: the signal kills the browser, then the process
   * as it would have without one.
   */
  closedOnSignal?: boolean
}

export interface BrowserSession {
  browser: Browser
  /** The temporary profile folder, removed by `close()`. */
  profile: string
  /** Closes the browser (killing it if it does not quit) and removes the profile. */
  close: () => Promise<void>
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-extensions',
  '--disable-default-apps',
  '--mute-audio',
  // The network is off at every layer under request interception (which answers the deck's
  // own files from memory and never reaches the network; see load.ts), because a deck's script
  // may use what interception does not see. No host name resolves:
  '--host-resolver-rules=MAP * ~NOTFOUND',
  // every connection, to IP addresses and loopback too, goes to a proxy that cannot resolve;
  '--proxy-server=http://proxy.citedeck.invalid:9',
  '--proxy-bypass-list=<-loopback>',
  // and WebRTC, which sends STUN/TURN packets over UDP past both, may only use that proxy (none).
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--enforce-webrtc-ip-permission-check',
  '--disable-features=WebRtcHideLocalIpsWithMdns,MediaRouter,DialMediaRouteProvider'
]

export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  const executablePath = options.executablePath ?? findBrowser()
  sweepProfiles()
  // Named by host and process: a profile whose citedeck is gone is left over, even when its Chromium quit and took its lock along.
  const profile = mkdtempSync(join(tmpdir(), `${PROFILE_PREFIX}${hostname()}-${process.pid}-`))
  let browser: Browser | undefined
  let starting = true
  let interrupted: NodeJS.Signals | undefined

  const kill = () => {
    const pid = browser?.process()?.pid
    if (pid === undefined) return
    try {
      // Puppeteer starts Chromium as a process group leader: kill the renderers too.
      process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  const removeProfile = () => rmSync(profile, {recursive: true, force: true, maxRetries: 3})
  const onExit = () => {
    kill()
    removeProfile()
  }
  const onSignal = (signal: NodeJS.Signals) => {
    // Chromium's process is only known once it has started: finish that, then kill it.
    if (starting) {
      interrupted = signal
      return
    }
    onExit()
    unsubscribe()
    // Let the default action (or the next listener) handle the signal as if we were not here.
    process.kill(process.pid, signal)
  }
  const unsubscribe = () => {
    process.off('exit', onExit)
    for (const signal of SIGNALS) process.off(signal, onSignal)
  }
  process.on('exit', onExit)
  if (!options.closedOnSignal) for (const signal of SIGNALS) process.on(signal, onSignal)

  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: !options.shareable,
      userDataDir: profile,
      args: ARGS,
      // Chromium's own temporary files go into the profile, so they go with it even when it is killed.
      env: {...process.env, TMPDIR: profile},
      timeout: options.timeout ?? 30_000,
      // Export has its own deadline per deck; this only bounds one protocol call.
      protocolTimeout: 10 * 60_000,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false
    })
  } catch (error) {
    starting = false
    onExit()
    unsubscribe()
    if (interrupted) process.kill(process.pid, interrupted)
    throw new CitedeckError(
      `could not start the browser ${executablePath}: ${firstLine(error)}`,
      'NOT_FOUND_BROWSER',
      'check that it is Chrome, Chromium or Edge and that it runs; choose another with CITEDECK_BROWSER'
    )
  }

  starting = false
  if (interrupted) onSignal(interrupted)
  const session = browser
  let closed: Promise<void> | undefined
  const close = () =>
    (closed ??= (async () => {
      const quit = session.close().catch(() => undefined)
      const grace = new Promise((resolve) => setTimeout(resolve, 5_000).unref())
      await Promise.race([quit, grace])
      kill()
      unsubscribe()
      await rm(profile, {recursive: true, force: true, maxRetries: 3})
    })())
  return {browser: session, profile, close}
}

const PROFILE_PREFIX = 'citedeck-chromium-'
// `citedeck-chromium-<host>-<pid>-XXXXXX`: the citedeck process that made the profile.
const PROFILE_OWNER = /^citedeck-chromium-(.+)-(\d+)-.{6}$/

/**
 * Removes the profiles of browsers that were killed with their citedeck (kill
 * -9 leaves no time to clean up; Chromium then quits, and removes its lock but
 * not the profile): a profile is left over when its citedeck on this host is
 * gone and no Chromium holds it (`SingletonLock` names the host and process of
 * the Chromium). A profile of an older name is left over when its Chromium is
 * gone, or when it is an hour old and never got a lock.
 */
function sweepProfiles(): void {
  let names: string[]
  try {
    names = readdirSync(tmpdir()).filter((name) => name.startsWith(PROFILE_PREFIX))
  } catch {
    return
  }
  for (const name of names) {
    const folder = join(tmpdir(), name)
    try {
      let lock: string | undefined
      try {
        lock = readlinkSync(join(folder, 'SingletonLock'))
      } catch {
        lock = undefined
      }
      const [host, pid] = lock ? [lock.slice(0, lock.lastIndexOf('-')), Number(lock.slice(lock.lastIndexOf('-') + 1))] : []
      const lockGone = lock ? host === hostname() && pid! > 0 && !isRunning(pid!) : undefined
      const owner = PROFILE_OWNER.exec(name)
      const ownerGone = owner ? owner[1] === hostname() && !isRunning(Number(owner[2])) : undefined
      const left = owner ? ownerGone! && lockGone !== false : (lockGone ?? Date.now() - statSync(folder).mtimeMs > 3_600_000)
      if (left) rmSync(folder, {recursive: true, force: true})
    } catch {
      // Another user's, or going away by itself.
    }
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!
}
