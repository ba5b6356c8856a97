/** Processes a test started and must see gone, found through /proc (Linux; elsewhere none are listed). */
import {readdirSync, readFileSync} from 'node:fs'

/** Running processes whose command line mentions `folder` (Chromium and its helpers carry the profile path). */
export function processesUsing(folder: string): string[] {
  if (process.platform !== 'linux') return []
  const found: string[] = []
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      if (command.includes(folder)) found.push(`${pid}: ${command.replaceAll('\0', ' ').slice(0, 120)}`)
    } catch {
      // The process ended while we looked.
    }
  }
  return found
}
