import {mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs'
import {request} from 'node:http'
import {networkInterfaces, tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {type DeckUpdate, type Preview, serve} from '../../src/index.js'
import {requestPath} from '../../src/serve/server.js'

// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')

/** GET with the path sent exactly as written (fetch would resolve `..`). */
function get(port: number, path: string, host = '127.0.0.1'): Promise<{status: number; type: string; body: string; policy: string}> {
  return new Promise((done, fail) => {
    const req = request({host, port, path, method: 'GET'}, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () =>
        done({status: response.statusCode!, type: String(response.headers['content-type']), body, policy: String(response.headers['content-security-policy'])})
      )
    })
    req.on('error', fail)
    req.end()
  })
}

describe('serve: HTTP', () => {
  let dir: string
  let preview: Preview
  const updates: DeckUpdate[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'citedeck-serve-'))
    const outside = mkdtempSync(join(tmpdir(), 'citedeck-outside-'))
    writeFileSync(join(outside, 'secret.png'), PNG)
    mkdirSync(join(dir, 'img'))
    writeFileSync(join(dir, 'img/pic.png'), PNG)
    writeFileSync(join(dir, 'img/drawing.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    symlinkSync(join(outside, 'secret.png'), join(dir, 'img/link.png'))
    writeFileSync(join(dir, '.env'), 'SECRET=1')
    writeFileSync(
      join(dir, 'deck.md'),
      '---\ntitle: Served\n---\n\n## One\n\n![a picture](img/pic.png)\n\n![a drawing](img/drawing.svg)\n\n## Two\n\n![through a link](img/link.png)\n'
    )
    // The build refuses outside images by default; allowing them here checks the server's own guard.
    preview = await serve(join(dir, 'deck.md'), {port: 0, fit: false, allowOutsideImages: true, onUpdate: (update) => updates.push(update)})
  })

  afterAll(async () => {
    await preview?.close()
  })

  it('listens on 127.0.0.1 only', async () => {
    expect(preview.host).toBe('127.0.0.1')
    expect(preview.url).toBe(`http://127.0.0.1:${preview.port}/`)
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal)
    if (external) await expect(get(preview.port, '/', external.address)).rejects.toThrow(/ECONNREFUSED/)
  })

  it('serves the deck with the live-reload client, and its assets with their MIME types', async () => {
    expect(updates[0]).toMatchObject({kind: 'deck', version: 1})
    const page = await get(preview.port, '/')
    expect(page.status).toBe(200)
    expect(page.type).toBe('text/html; charset=utf-8')
    expect(page.body).toContain('<h2>One</h2>')
    expect(page.body).toContain('<script src="/__citedeck/client.js" data-citedeck-client="1"></script></body>')
    // Connections only to this server; WebRTC refused where the browser knows the directive, and removed before any deck script.
    expect(page.policy).toMatch(/connect-src 'self'.*; webrtc 'block'$/)
    expect(page.body.indexOf('RTCPeerConnection')).toBeGreaterThan(0)
    expect(page.body.indexOf('RTCPeerConnection')).toBeLessThan(page.body.indexOf('<script src='))
    const cases: Array<[string, string]> = [
      ['/index.html', 'text/html; charset=utf-8'],
      ['/reveal/reveal.js', 'text/javascript; charset=utf-8'],
      ['/theme.css', 'text/css; charset=utf-8'],
      ['/media/pic.png', 'image/png'],
      ['/media/drawing.svg', 'image/svg+xml'],
      ['/__citedeck/client.js', 'text/javascript; charset=utf-8']
    ]
    for (const [path, type] of cases) {
      const response = await get(preview.port, path)
      expect([path, response.status, response.type]).toEqual([path, 200, type])
    }
  })

  it('refuses path traversal, encoded variants, backslashes and dotfiles', async () => {
    const refused = [
      '/../package.json',
      '/..%2fpackage.json',
      '/%2e%2e/package.json',
      '/%2E%2E/%2E%2E/package.json',
      '/media/..%2f..%2fpackage.json',
      '/media/%2e%2e/%2e%2e/deck.md',
      '/%5c..%5cpackage.json',
      '/..\\package.json',
      '/.env',
      '/%2eenv',
      '/media/.hidden.png'
    ]
    for (const path of refused) {
      const response = await get(preview.port, path)
      expect([path, response.status]).toEqual([path, 403])
    }
    for (const path of ['/deck.md', '/package.json', '/img/pic.png', '/media/nope.png', '/%ff']) {
      const response = await get(preview.port, path)
      expect([path, response.status]).toEqual([path, path === '/%ff' ? 400 : 404])
    }
  })

  it('refuses an image that a symlink takes outside the deck folder, even when the build may copy it', async () => {
    const page = await get(preview.port, '/')
    expect(page.body).toContain('media/link.png')
    expect((await get(preview.port, '/media/link.png')).status).toBe(403)
  })

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((done, fail) => {
      const req = request({host: '127.0.0.1', port: preview.port, path: '/', headers: {host: `evil.example:${preview.port}`}}, (response) => {
        response.resume()
        done(response.statusCode!)
      })
      req.on('error', fail)
      req.end()
    })
    expect(status).toBe(403)
    expect((await get(preview.port, '/')).status).toBe(200)
  })

  it('answers other methods with 405', async () => {
    const status = await new Promise<number>((done, fail) => {
      const req = request({host: '127.0.0.1', port: preview.port, path: '/', method: 'POST'}, (response) => {
        response.resume()
        done(response.statusCode!)
      })
      req.on('error', fail)
      req.end()
    })
    expect(status).toBe(405)
  })
})

describe('serve: requestPath', () => {
  it('decodes plain paths and rejects climbing ones', () => {
    expect(requestPath('/media/a%20b.png?v=2')).toBe('/media/a b.png')
    expect(requestPath('/a/../b')).toBe(false)
    expect(requestPath('/a%2fb')).toBe(false)
    expect(requestPath('/%00')).toBeUndefined()
    expect(requestPath('http://evil/')).toBeUndefined()
  })
})

describe('serve: ports', () => {
  it('takes the next port when the one asked for is busy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-serve-port-'))
    writeFileSync(join(dir, 'deck.md'), '## One\n')
    const first = await serve(join(dir, 'deck.md'), {port: 0, fit: false})
    const second = await serve(join(dir, 'deck.md'), {port: first.port, fit: false})
    try {
      expect(second.port).not.toBe(first.port)
      expect((await get(second.port, '/')).status).toBe(200)
    } finally {
      await Promise.all([first.close(), second.close()])
    }
  })
})
