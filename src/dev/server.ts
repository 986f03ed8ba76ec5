/**
 * The preview's web server: serves the site from memory on 127.0.0.1 only, adds the
 * reload script and the overlay to HTML on the way out, and tells open pages to
 * reload through Server-Sent Events.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { UpfrontError } from '../errors/upfront-error.js';
import { eventsPath, injectDevTools } from './inject.js';

/** What the server serves; the preview site answers these. */
export interface Served {
  /** A file by its path in dist/, or undefined. */
  file(file: string): string | undefined;
  /** The overlay's markup while something has an error. */
  overlay(): string | undefined;
  /** The page for a path that has no file, when the templates word one. */
  notFound(pathname: string): string | undefined;
}

export interface PreviewServer {
  /** Like http://127.0.0.1:4321/ */
  url: string;
  /** Tells every open page to reload. */
  reload(): void;
  /** Ends open connections and stops listening. */
  close(): Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Only this machine can see the preview. */
const host = '127.0.0.1';

/**
 * @param served the site to serve
 * @param port the port; 0 picks a free one
 */
export function startServer(served: Served, port: number): Promise<PreviewServer> {
  const listeners = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    try {
      handle(served, listeners, request, response);
    } catch {
      // A bug while answering one request must not stop the preview.
      if (!response.headersSent) response.writeHead(500);
      response.end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', (cause: NodeJS.ErrnoException) => {
      reject(
        cause.code === 'EADDRINUSE' || cause.code === 'EACCES'
          ? new UpfrontError('port-in-use', { message: `Port ${port} on ${host} cannot be used (${cause.code === 'EACCES' ? 'not allowed' : 'another program is using it'}).` })
          : cause,
      );
    });
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${actual}/`,
        reload() {
          for (const listener of listeners) listener.write('event: reload\ndata: {}\n\n');
        },
        close() {
          for (const listener of listeners) listener.end();
          listeners.clear();
          return new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
        },
      });
    });
  });
}

function handle(served: Served, listeners: Set<ServerResponse>, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://preview').pathname);
  } catch {
    response.writeHead(400).end();
    return;
  }
  if (pathname === eventsPath) {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write('retry: 500\n\n');
    listeners.add(response);
    request.on('close', () => listeners.delete(response));
    return;
  }
  // Files are looked up by name in memory: nothing outside the site can be reached.
  const file = pathname.endsWith('/') ? `${pathname.slice(1)}index.html` : pathname.slice(1);
  const contents = served.file(file);
  if (contents === undefined) {
    if (served.file(`${file}/index.html`) !== undefined) {
      response.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    const page = served.notFound(pathname);
    send(request, response, 404, 'text/html; charset=utf-8', injectDevTools(page ?? '', served.overlay()));
    return;
  }
  const type = types[path.posix.extname(file)] ?? 'application/octet-stream';
  send(request, response, 200, type, type.startsWith('text/html') ? injectDevTools(contents, served.overlay()) : contents);
}

function send(request: IncomingMessage, response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  response.end(request.method === 'HEAD' ? undefined : body);
}
