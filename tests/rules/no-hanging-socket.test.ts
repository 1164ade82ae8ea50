// Rule tests for `leaks/no-hanging-socket`: half-open sockets never ended, idle timeouts that only notify, sockets dropped on early returns; suggestions type-checked.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule, { type MessageIds, type Options } from '../../rules/no-hanging-socket.js';
import { createRuleTester } from '../rule-tester.js';
import { typeErrorsIntroduced } from '../typecheck.js';

const ruleTester = createRuleTester();

/** The shared tester enables JSX, so its default file is react.tsx: lint these cases as file.ts unless they name a file. */
const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

const DROPPED = {
  name: 'socket',
  resource: 'connection',
  released: 'ended or destroyed',
  consequence: 'the connection stays open with nothing left to close it',
  advice: 'End or destroy it before returning, or keep handling it (register listeners, store it).',
};

const valid: ValidTestCase<Options>[] = [
  // allowHalfOpen: false (the default): Node ends our side when the peer ends theirs.
  {
    name: 'A default server whose handler never ends the socket: Node closes it when the peer hangs up',
    code: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  socket.on('data', (chunk) => socket.write(chunk));
});`,
  },
  {
    name: 'allowHalfOpen: false, written out, is the default',
    code: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: false }, (socket) => {
  socket.on('data', (chunk) => socket.write(chunk));
});`,
  },
  {
    name: "A default tls server's secureConnection handler that never ends the socket",
    code: `import * as tls from 'node:tls';
export function start(key: Buffer, cert: Buffer): tls.Server {
  const server = tls.createServer({ key, cert });
  server.on('secureConnection', (socket) => {
    socket.write(\`hello \${socket.getPeerCertificate().subject?.CN ?? 'anonymous'}\\n\`);
  });
  return server;
}`,
  },
  {
    name: "A default server's 'connection' listener that runs to its end",
    code: `import * as net from 'node:net';
export function start(port: number): net.Server {
  const server = net.createServer();
  server.on('connection', (socket) => {
    socket.setEncoding('utf8');
    socket.write('ready\\n');
  });
  return server.listen(port);
}`,
  },
  // allowHalfOpen: true, and the handler ends its side.
  {
    name: "allowHalfOpen: `socket.on('end', () => socket.end())`",
    code: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.on('end', () => socket.end());
  socket.on('data', (chunk) => socket.write(chunk));
});`,
  },
  {
    name: "allowHalfOpen: the 'end' listener writes a summary, then ends",
    code: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  let bytes = 0;
  socket.on('data', (chunk) => (bytes += chunk.length));
  socket.once('end', () => {
    socket.end(\`received \${bytes} bytes\\n\`);
  });
});`,
  },
  {
    name: "allowHalfOpen: the 'end' listener destroys the socket",
    code: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.resume();
  socket.on('end', () => socket.destroy());
});`,
  },
  {
    name: 'allowHalfOpen: the handler ends the socket directly',
    code: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.end(\`\${new Date().toISOString()}\\n\`);
});`,
  },
  {
    name: 'allowHalfOpen: piping the socket into itself ends its writable side after the readable side ends',
    code: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.pipe(socket);
});`,
  },
  {
    name: 'allowHalfOpen: an expression-bodied handler that pipes the socket into itself',
    code: `import * as net from 'node:net';
export const echo = net.createServer({ allowHalfOpen: true }, (socket) => socket.pipe(socket));`,
  },
  {
    name: "allowHalfOpen tls.createServer with an 'end' listener that ends",
    code: `import * as tls from 'node:tls';
export function start(key: Buffer, cert: Buffer): tls.Server {
  return tls.createServer({ key, cert, allowHalfOpen: true }, (socket) => {
    socket.on('end', () => socket.end());
    socket.on('data', (line) => socket.write(line));
  });
}`,
  },
  {
    name: "server.on('connection') on an allowHalfOpen server, ending in the 'end' listener",
    code: `import * as net from 'node:net';
export function start(port: number): net.Server {
  const server = net.createServer({ allowHalfOpen: true });
  server.on('connection', (socket) => {
    socket.on('end', () => socket.end('bye\\n'));
  });
  return server.listen(port);
}`,
  },
  {
    name: "server.on('secureConnection') on an allowHalfOpen tls server, destroying in the 'end' listener",
    code: `import * as tls from 'node:tls';
export function start(key: Buffer, cert: Buffer): tls.Server {
  const server = tls.createServer({ key, cert, allowHalfOpen: true });
  server.on('secureConnection', (socket) => {
    socket.on('end', () => socket.destroy());
  });
  return server;
}`,
  },
  {
    name: "allowHalfOpen: the 'end' listener hands the socket to a function that destroys it",
    code: `import * as net from 'node:net';
import { closeSocket } from './helpers.js';
export const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.on('end', () => closeSocket(socket));
});`,
  },
  // socket.setTimeout(ms)
  {
    name: "setTimeout with a 'timeout' listener that destroys",
    code: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  socket.setTimeout(30_000);
  socket.on('timeout', () => socket.destroy());
});`,
  },
  {
    name: "setTimeout with a 'timeout' listener that ends after logging",
    code: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  socket.setTimeout(30_000);
  socket.once('timeout', () => {
    console.warn('idle connection from', socket.remoteAddress);
    socket.end();
  });
});`,
  },
  {
    name: 'setTimeout with a callback that destroys',
    code: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  socket.setTimeout(30_000, () => socket.destroy());
});`,
  },
  {
    name: "setTimeout with a 'timeout' listener added through addListener",
    code: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  socket.addListener('timeout', () => socket.end());
  socket.setTimeout(10_000);
});`,
  },
  {
    name: "setTimeout with a named 'timeout' listener declared in the handler",
    code: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  function onIdle(): void {
    socket.destroy();
  }
  socket.setTimeout(30_000);
  socket.on('timeout', onIdle);
});`,
  },
  {
    name: 'setTimeout(0) turns the idle timeout off',
    code: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  socket.setTimeout(0);
  socket.on('data', (chunk) => socket.write(chunk));
});`,
  },
  {
    name: "secureConnection: setTimeout with a 'timeout' listener that destroys",
    code: `import * as tls from 'node:tls';
export function start(key: Buffer, cert: Buffer): tls.Server {
  const server = tls.createServer({ key, cert });
  server.on('secureConnection', (socket) => {
    socket.setTimeout(60_000);
    socket.on('timeout', () => socket.destroy());
  });
  return server;
}`,
  },
  // Early returns that do something with the socket first.
  {
    name: 'An early return after destroying the socket',
    code: `import * as net from 'node:net';
export function start(allowed: Set<string>): net.Server {
  return net.createServer((socket) => {
    if (!allowed.has(socket.remoteAddress ?? '')) {
      socket.destroy();
      return;
    }
    socket.on('data', (chunk) => socket.write(chunk));
  });
}`,
  },
  {
    name: 'An early return after ending the socket with an error line',
    code: `import * as net from 'node:net';
export function start(maxConnections: number, active: () => number): net.Server {
  return net.createServer((socket) => {
    if (active() >= maxConnections) {
      socket.end('ERR too many connections\\n');
      return;
    }
    socket.write('OK\\n');
  });
}`,
  },
  {
    name: 'An early return after resetAndDestroy()',
    code: `import * as net from 'node:net';
export function start(banned: Set<string>): net.Server {
  return net.createServer((socket) => {
    if (banned.has(socket.remoteAddress ?? '')) {
      socket.resetAndDestroy();
      return;
    }
    socket.write('welcome\\n');
  });
}`,
  },
  {
    name: 'An early return after storing the socket in a waiting queue',
    code: `import * as net from 'node:net';
const waiting: net.Socket[] = [];
export function start(capacity: number, active: Set<net.Socket>): net.Server {
  return net.createServer((socket) => {
    if (active.size >= capacity) {
      waiting.push(socket);
      return;
    }
    active.add(socket);
  });
}`,
  },
  {
    name: 'An early return after registering listeners',
    code: `import * as net from 'node:net';
export function start(ready: () => boolean, greet: (socket: net.Socket) => void): net.Server {
  return net.createServer((socket) => {
    if (!ready()) {
      socket.once('data', () => greet(socket));
      return;
    }
    greet(socket);
  });
}`,
  },
  {
    name: 'An early return after piping the socket to an upstream connection',
    code: `import * as net from 'node:net';
export function start(upstreamPort: number, local: (socket: net.Socket) => void): net.Server {
  return net.createServer((socket) => {
    if (socket.localPort === 8443) {
      const upstream = net.connect(upstreamPort);
      socket.pipe(upstream).pipe(socket);
      return;
    }
    local(socket);
  });
}`,
  },
  {
    name: 'An early return after piping a file into the socket (the pipe ends it)',
    code: `import * as net from 'node:net';
import { createReadStream } from 'node:fs';
export const server = net.createServer((socket) => {
  if (socket.remotePort !== undefined && socket.remotePort < 1024) {
    createReadStream('/etc/motd').pipe(socket);
    return;
  }
  socket.destroy();
});`,
  },
  {
    name: 'An early return after wrapping the socket in a session object',
    code: `import * as net from 'node:net';
class Session {
  constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk) => socket.write(chunk));
  }
}
export const server = net.createServer((socket) => {
  if (socket.remoteFamily === 'IPv4') {
    new Session(socket);
    return;
  }
  socket.end('IPv4 only\\n');
});`,
  },
  {
    name: 'An early return after handing the socket to a function that takes it over',
    code: `import * as net from 'node:net';
export function start(legacy: (socket: net.Socket) => void, modern: (socket: net.Socket) => void): net.Server {
  return net.createServer((socket) => {
    if (socket.remotePort === 23) {
      legacy(socket);
      return;
    }
    modern(socket);
  });
}`,
  },
  {
    name: 'An early return after handing the socket to a function in another file that stores it',
    code: `import * as net from 'node:net';
import { adopt } from './helpers.js';
export const server = net.createServer((socket) => {
  if (socket.remoteFamily === 'IPv6') {
    adopt(socket);
    return;
  }
  socket.end('IPv6 only\\n');
});`,
  },
  {
    name: 'An early return after handing the socket to a function in another file that destroys it',
    code: `import * as net from 'node:net';
import { closeSocket } from './helpers.js';
export const server = net.createServer((socket) => {
  if (!socket.remoteAddress) {
    closeSocket(socket);
    return;
  }
  socket.write(\`hello \${socket.remoteAddress}\\n\`);
});`,
  },
  {
    name: 'A return inside a data listener is not a return from the connection handler',
    code: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  socket.on('data', (chunk) => {
    if (chunk.length === 0) return;
    socket.write(chunk);
  });
});`,
  },
  {
    name: 'An early return after registering listeners earlier in the handler',
    code: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk) => socket.write(chunk));
  if (socket.remoteFamily !== 'IPv4') return;
  socket.write('hello IPv4\\n');
});`,
  },
  {
    name: '.js: allowHalfOpen with an end listener that ends',
    filename: 'script.js',
    code: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.on('end', () => socket.end());
  socket.setTimeout(5000, () => socket.destroy());
});`,
  },
  // #13 §2: a 'clientError' listener takes the socket over; it must end, destroy or hand it on somewhere.
  {
    name: "Node's documented 'clientError' handler: an early return where the socket is already gone",
    code: `import * as http from 'node:http';
export const server = http.createServer((req, res) => res.end('ok'));
server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
  if (err.code === 'ECONNRESET' || !socket.writable) return;
  socket.end('HTTP/1.1 400 Bad Request\\r\\n\\r\\n');
});`,
  },
  {
    name: "A 'clientError' listener that hands the socket to a function",
    code: `import * as http from 'node:http';
import type { Duplex } from 'node:stream';
declare function reject(socket: Duplex, status: number): void;
export function start(): http.Server {
  const server = http.createServer((req, res) => res.end('ok'));
  server.on('clientError', (err, socket) => reject(socket, 400));
  return server;
}`,
  },
  {
    name: "A 'clientError' listener with TypeScript's `this` parameter that ends its socket",
    code: `import * as http from 'node:http';
import type { Duplex } from 'node:stream';
export const server = http.createServer((req, res) => res.end('ok'));
server.on('clientError', function (this: http.Server, err: Error, socket: Duplex) {
  socket.end('HTTP/1.1 400 Bad Request\\r\\n\\r\\n');
});`,
  },
  {
    name: "A 'clientError' listener whose 'timeout' listener on the socket destroys it",
    code: `import * as http from 'node:http';
export const server = http.createServer((req, res) => res.end('ok'));
server.on('clientError', (err, socket) => {
  socket.once('timeout', () => socket.destroy());
});`,
  },
  {
    name: "A 'clientError' listener on something that is no HTTP server is not judged",
    code: `import { EventEmitter } from 'node:events';
export const bus = new EventEmitter();
bus.on('clientError', (err: Error) => console.error(err));`,
  },
  {
    name: "An HTTPS server's listener, declared as a function, that destroys the socket",
    code: `import * as https from 'node:https';
import type { Duplex } from 'node:stream';
function onClientError(err: Error, socket: Duplex): void {
  console.error(err);
  socket.destroy();
}
export const server = https.createServer({}, (req, res) => res.end('ok'));
server.on('clientError', onClientError);`,
  },
];

const CLIENT_ERROR = (socket: string) => ({ socket });

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // allowHalfOpen: true, and the handler never ends its side.
  {
    name: "allowHalfOpen: an echo handler that never ends the socket after 'end'",
    code: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.on('data', (chunk) => socket.write(chunk));
});`,
    output: null,
    errors: [
      {
        messageId: 'halfOpen',
        line: 2,
        column: 66,
        data: { name: 'socket' },
        suggestions: [
          {
            messageId: 'addEndListener',
            data: { name: 'socket' },
            output: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.on('end', () => socket.end());
  socket.on('data', (chunk) => socket.write(chunk));
});`,
          },
        ],
      },
    ],
  },
  {
    name: "allowHalfOpen: an 'end' listener that only logs",
    code: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.on('end', () => console.log('client done', socket.remoteAddress));
  socket.on('data', (chunk) => console.log(chunk.length));
});`,
    output: null,
    errors: [
      {
        messageId: 'halfOpen',
        line: 2,
        column: 66,
        data: { name: 'socket' },
        suggestions: [
          {
            messageId: 'addEndListener',
            output: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.on('end', () => socket.end());
  socket.on('end', () => console.log('client done', socket.remoteAddress));
  socket.on('data', (chunk) => console.log(chunk.length));
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'allowHalfOpen tls.createServer whose handler never ends the socket',
    code: `import * as tls from 'node:tls';
export function start(key: Buffer, cert: Buffer): tls.Server {
  return tls.createServer({ key, cert, allowHalfOpen: true }, (socket) => {
    socket.write('hello\\n');
  });
}`,
    output: null,
    errors: [
      {
        messageId: 'halfOpen',
        line: 3,
        column: 64,
        data: { name: 'socket' },
        suggestions: [
          {
            messageId: 'addEndListener',
            output: `import * as tls from 'node:tls';
export function start(key: Buffer, cert: Buffer): tls.Server {
  return tls.createServer({ key, cert, allowHalfOpen: true }, (socket) => {
    socket.on('end', () => socket.end());
    socket.write('hello\\n');
  });
}`,
          },
        ],
      },
    ],
  },
  {
    name: "server.on('connection') on a server created with allowHalfOpen",
    code: `import * as net from 'node:net';
export function start(port: number): net.Server {
  const server = net.createServer({ allowHalfOpen: true });
  server.on('connection', (socket) => {
    socket.on('data', (chunk) => socket.write(chunk));
  });
  return server.listen(port);
}`,
    output: null,
    errors: [
      {
        messageId: 'halfOpen',
        line: 4,
        column: 28,
        data: { name: 'socket' },
        suggestions: [
          {
            messageId: 'addEndListener',
            output: `import * as net from 'node:net';
export function start(port: number): net.Server {
  const server = net.createServer({ allowHalfOpen: true });
  server.on('connection', (socket) => {
    socket.on('end', () => socket.end());
    socket.on('data', (chunk) => socket.write(chunk));
  });
  return server.listen(port);
}`,
          },
        ],
      },
    ],
  },
  {
    name: "server.once('connection') on a server created with allowHalfOpen",
    code: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true });
server.once('connection', (socket) => {
  socket.write('only the first client is greeted\\n');
});`,
    output: null,
    errors: [
      {
        messageId: 'halfOpen',
        line: 3,
        column: 28,
        data: { name: 'socket' },
        suggestions: [
          {
            messageId: 'addEndListener',
            output: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true });
server.once('connection', (socket) => {
  socket.on('end', () => socket.end());
  socket.write('only the first client is greeted\\n');
});`,
          },
        ],
      },
    ],
  },
  {
    name: "server.on('secureConnection') on a tls server created with allowHalfOpen",
    code: `import * as tls from 'node:tls';
export function start(key: Buffer, cert: Buffer): tls.Server {
  const server = tls.createServer({ key, cert, allowHalfOpen: true });
  server.on('secureConnection', (tlsSocket) => {
    tlsSocket.write(tlsSocket.getProtocol() ?? 'unknown');
  });
  return server;
}`,
    output: null,
    errors: [
      {
        messageId: 'halfOpen',
        line: 4,
        column: 34,
        data: { name: 'tlsSocket' },
        suggestions: [
          {
            messageId: 'addEndListener',
            data: { name: 'tlsSocket' },
            output: `import * as tls from 'node:tls';
export function start(key: Buffer, cert: Buffer): tls.Server {
  const server = tls.createServer({ key, cert, allowHalfOpen: true });
  server.on('secureConnection', (tlsSocket) => {
    tlsSocket.on('end', () => tlsSocket.end());
    tlsSocket.write(tlsSocket.getProtocol() ?? 'unknown');
  });
  return server;
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'allowHalfOpen: an empty handler gets the listener inside its braces',
    code: `import * as net from 'node:net';
export const sink = net.createServer({ allowHalfOpen: true }, (conn) => {});`,
    output: null,
    errors: [
      {
        messageId: 'halfOpen',
        line: 2,
        column: 64,
        data: { name: 'conn' },
        suggestions: [
          {
            messageId: 'addEndListener',
            data: { name: 'conn' },
            output: `import * as net from 'node:net';
export const sink = net.createServer({ allowHalfOpen: true }, (conn) => { conn.on('end', () => conn.end()); });`,
          },
        ],
      },
    ],
  },
  {
    name: 'allowHalfOpen: a function expression handler, with a type annotation on the socket',
    code: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true }, function onConnection(socket: net.Socket) {
  socket.setNoDelay(true);
  socket.on('data', (chunk) => socket.write(chunk));
});`,
    output: null,
    errors: [
      {
        messageId: 'halfOpen',
        line: 2,
        column: 87,
        data: { name: 'socket' },
        suggestions: [
          {
            messageId: 'addEndListener',
            output: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true }, function onConnection(socket: net.Socket) {
  socket.on('end', () => socket.end());
  socket.setNoDelay(true);
  socket.on('data', (chunk) => socket.write(chunk));
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'allowHalfOpen: an expression-bodied handler is reported too',
    code: `import * as net from 'node:net';
export const logger = net.createServer({ allowHalfOpen: true }, (socket) => socket.on('data', (chunk) => console.log(chunk.length)));`,
    output: null,
    errors: [{ messageId: 'halfOpen', line: 2, column: 66, data: { name: 'socket' } }],
  },
  {
    name: 'allowHalfOpen in an options object kept in a constant',
    code: `import * as net from 'node:net';
const serverOptions: net.ServerOpts = { allowHalfOpen: true, pauseOnConnect: false };
export const server = net.createServer(serverOptions, (socket) => {
  socket.on('data', (chunk) => socket.write(chunk));
});`,
    output: null,
    errors: [
      {
        messageId: 'halfOpen',
        line: 3,
        column: 56,
        data: { name: 'socket' },
        suggestions: [
          {
            messageId: 'addEndListener',
            output: `import * as net from 'node:net';
const serverOptions: net.ServerOpts = { allowHalfOpen: true, pauseOnConnect: false };
export const server = net.createServer(serverOptions, (socket) => {
  socket.on('end', () => socket.end());
  socket.on('data', (chunk) => socket.write(chunk));
});`,
          },
        ],
      },
    ],
  },
  {
    name: "new net.Server({ allowHalfOpen: true }) with a 'connection' listener that never ends the socket",
    code: `import * as net from 'node:net';
export function start(port: number): net.Server {
  const server = new net.Server({ allowHalfOpen: true });
  server.on('connection', (socket) => {
    socket.on('data', (chunk) => socket.write(chunk));
  });
  return server.listen(port);
}`,
    output: null,
    errors: [
      {
        messageId: 'halfOpen',
        line: 4,
        column: 28,
        data: { name: 'socket' },
        suggestions: [
          {
            messageId: 'addEndListener',
            output: `import * as net from 'node:net';
export function start(port: number): net.Server {
  const server = new net.Server({ allowHalfOpen: true });
  server.on('connection', (socket) => {
    socket.on('end', () => socket.end());
    socket.on('data', (chunk) => socket.write(chunk));
  });
  return server.listen(port);
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'allowHalfOpen: a connection handler declared on its own and passed by name',
    code: `import * as net from 'node:net';
function onConnection(socket: net.Socket): void {
  socket.on('data', (chunk) => socket.write(chunk));
}
export const server = net.createServer({ allowHalfOpen: true }, onConnection);`,
    output: null,
    errors: [
      {
        messageId: 'halfOpen',
        line: 2,
        column: 23,
        data: { name: 'socket' },
        suggestions: [
          {
            messageId: 'addEndListener',
            output: `import * as net from 'node:net';
function onConnection(socket: net.Socket): void {
  socket.on('end', () => socket.end());
  socket.on('data', (chunk) => socket.write(chunk));
}
export const server = net.createServer({ allowHalfOpen: true }, onConnection);`,
          },
        ],
      },
    ],
  },
  // socket.setTimeout(ms) with nothing acting on 'timeout'.
  {
    name: "setTimeout with no 'timeout' listener at all",
    code: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  socket.setTimeout(60_000);
  socket.on('data', (chunk) => socket.write(chunk));
});`,
    output: null,
    errors: [
      {
        messageId: 'timeoutIgnored',
        line: 3,
        column: 3,
        data: { name: 'socket' },
        suggestions: [
          {
            messageId: 'addTimeoutListener',
            data: { name: 'socket' },
            output: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  socket.setTimeout(60_000);
  socket.on('timeout', () => socket.destroy());
  socket.on('data', (chunk) => socket.write(chunk));
});`,
          },
        ],
      },
    ],
  },
  {
    name: "setTimeout with a 'timeout' listener that only logs",
    code: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  socket.setTimeout(60_000);
  socket.on('timeout', () => console.warn('idle', socket.remoteAddress));
});`,
    output: null,
    errors: [
      {
        messageId: 'timeoutIgnored',
        line: 3,
        column: 3,
        data: { name: 'socket' },
        suggestions: [
          {
            messageId: 'addTimeoutListener',
            output: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  socket.setTimeout(60_000);
  socket.on('timeout', () => socket.destroy());
  socket.on('timeout', () => console.warn('idle', socket.remoteAddress));
});`,
          },
        ],
      },
    ],
  },
  {
    name: 'setTimeout with a callback that only logs',
    code: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  socket.setTimeout(60_000, () => console.warn('idle'));
});`,
    output: null,
    errors: [
      {
        messageId: 'timeoutIgnored',
        line: 3,
        column: 3,
        data: { name: 'socket' },
        suggestions: [
          {
            messageId: 'addTimeoutListener',
            output: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  socket.setTimeout(60_000, () => console.warn('idle'));
  socket.on('timeout', () => socket.destroy());
});`,
          },
        ],
      },
    ],
  },
  {
    name: "setTimeout in a 'secureConnection' listener, indented deeper",
    code: `import * as tls from 'node:tls';
export function start(key: Buffer, cert: Buffer, idleMs: number): tls.Server {
  const server = tls.createServer({ key, cert });
  server.on('secureConnection', (socket) => {
    if (socket.authorized) {
      socket.setTimeout(idleMs);
    }
    socket.write('hello\\n');
  });
  return server;
}`,
    output: null,
    errors: [
      {
        messageId: 'timeoutIgnored',
        line: 6,
        column: 7,
        data: { name: 'socket' },
        suggestions: [
          {
            messageId: 'addTimeoutListener',
            output: `import * as tls from 'node:tls';
export function start(key: Buffer, cert: Buffer, idleMs: number): tls.Server {
  const server = tls.createServer({ key, cert });
  server.on('secureConnection', (socket) => {
    if (socket.authorized) {
      socket.setTimeout(idleMs);
      socket.on('timeout', () => socket.destroy());
    }
    socket.write('hello\\n');
  });
  return server;
}`,
          },
        ],
      },
    ],
  },
  {
    name: "setTimeout in a 'connection' listener of a default server",
    code: `import * as net from 'node:net';
export function start(port: number): net.Server {
  const server = net.createServer();
  server.on('connection', (client) => {
    client.setTimeout(15_000);
  });
  return server.listen(port);
}`,
    output: null,
    errors: [
      {
        messageId: 'timeoutIgnored',
        line: 5,
        column: 5,
        data: { name: 'client' },
        suggestions: [
          {
            messageId: 'addTimeoutListener',
            data: { name: 'client' },
            output: `import * as net from 'node:net';
export function start(port: number): net.Server {
  const server = net.createServer();
  server.on('connection', (client) => {
    client.setTimeout(15_000);
    client.on('timeout', () => client.destroy());
  });
  return server.listen(port);
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'Both at once: allowHalfOpen never ended, and a timeout that only notifies',
    code: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.setTimeout(30_000);
  socket.on('data', (chunk) => socket.write(chunk));
});`,
    output: null,
    errors: [
      {
        messageId: 'halfOpen',
        line: 2,
        column: 66,
        suggestions: [
          {
            messageId: 'addEndListener',
            output: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.on('end', () => socket.end());
  socket.setTimeout(30_000);
  socket.on('data', (chunk) => socket.write(chunk));
});`,
          },
        ],
      },
      {
        messageId: 'timeoutIgnored',
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'addTimeoutListener',
            output: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.setTimeout(30_000);
  socket.on('timeout', () => socket.destroy());
  socket.on('data', (chunk) => socket.write(chunk));
});`,
          },
        ],
      },
    ],
  },
  {
    name: ".js: allowHalfOpen without an 'end' listener",
    filename: 'script.js',
    code: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.on('data', (chunk) => socket.write(chunk));
});`,
    output: null,
    errors: [
      {
        messageId: 'halfOpen',
        line: 2,
        column: 66,
        data: { name: 'socket' },
        suggestions: [
          {
            messageId: 'addEndListener',
            output: `import * as net from 'node:net';
export const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.on('end', () => socket.end());
  socket.on('data', (chunk) => socket.write(chunk));
});`,
          },
        ],
      },
    ],
  },
  {
    name: '.js: setTimeout with nothing acting on it',
    filename: 'script.js',
    code: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  socket.setTimeout(5000);
});`,
    output: null,
    errors: [
      {
        messageId: 'timeoutIgnored',
        line: 3,
        column: 3,
        data: { name: 'socket' },
        suggestions: [
          {
            messageId: 'addTimeoutListener',
            output: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  socket.setTimeout(5000);
  socket.on('timeout', () => socket.destroy());
});`,
          },
        ],
      },
    ],
  },
  // Early returns that drop the socket.
  {
    name: 'An early return after a failed allow-list check',
    code: `import * as net from 'node:net';
export function start(allowed: Set<string>): net.Server {
  return net.createServer((socket) => {
    if (!allowed.has(socket.remoteAddress ?? '')) {
      return;
    }
    socket.on('data', (chunk) => socket.write(chunk));
  });
}`,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 5,
        column: 7,
        data: { ...DROPPED, path: "when the function returns at line 5 (after `if (!allowed.has(socket.remoteAddress ?? ''))`)" },
      },
    ],
  },
  {
    name: 'mTLS: an unauthorized socket dropped in a secureConnection listener',
    code: `import * as tls from 'node:tls';
export function start(key: Buffer, cert: Buffer, ca: Buffer): tls.Server {
  const server = tls.createServer({ key, cert, ca, requestCert: true });
  server.on('secureConnection', (socket) => {
    if (!socket.authorized) return;
    socket.write('hello\\n');
  });
  return server;
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 5, column: 29, data: { ...DROPPED, path: 'when the function returns at line 5 (after `if (!socket.authorized)`)' } }],
  },
  {
    name: "An early return in a 'connection' listener of a default server",
    code: `import * as net from 'node:net';
export function start(port: number, isDraining: () => boolean): net.Server {
  const server = net.createServer();
  server.on('connection', (socket) => {
    if (isDraining()) return;
    socket.write('ready\\n');
  });
  return server.listen(port);
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 5, column: 23, data: { ...DROPPED, path: 'when the function returns at line 5 (after `if (isDraining())`)' } }],
  },
  {
    name: 'Writing an error line is not ending the socket',
    code: `import * as net from 'node:net';
export function start(maxConnections: number, active: () => number): net.Server {
  return net.createServer((socket) => {
    if (active() >= maxConnections) {
      socket.write('ERR too many connections\\n');
      return;
    }
    socket.write('OK\\n');
  });
}`,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 6,
        column: 7,
        data: { ...DROPPED, path: 'when the function returns at line 6 (after `if (active() >= maxConnections)`)' },
      },
    ],
  },
  {
    name: 'The last condition on the path is an `else if`',
    code: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  if (socket.remoteFamily === 'IPv4') {
    socket.end('hello IPv4\\n');
  } else if (socket.remoteFamily === 'IPv6') {
    return;
  } else {
    socket.destroy();
  }
});`,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 6,
        column: 5,
        data: { ...DROPPED, path: "when the function returns at line 6 (after `if (socket.remoteFamily === 'IPv6')`)" },
      },
    ],
  },
  {
    name: 'A named function expression handler: the path names it',
    code: `import * as net from 'node:net';
export const server = net.createServer(function onConnection(socket) {
  if (socket.remotePort === undefined) return;
  socket.write(\`port \${socket.remotePort}\\n\`);
});`,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 40,
        data: { ...DROPPED, path: 'when `onConnection()` returns at line 3 (after `if (socket.remotePort === undefined)`)' },
      },
    ],
  },
  {
    name: 'An async handler that drops the socket after an awaited check',
    code: `import * as net from 'node:net';
export function start(isBanned: (address: string) => Promise<boolean>): net.Server {
  return net.createServer(async (socket) => {
    const banned = await isBanned(socket.remoteAddress ?? '');
    if (banned) return;
    socket.write('welcome\\n');
  });
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 5, column: 17, data: { ...DROPPED, path: 'when the function returns at line 5 (after `if (banned)`)' } }],
  },
  {
    name: 'Handing the socket to a function that only reads its address does not take it over',
    code: `import * as net from 'node:net';
import { describeSocket } from './helpers.js';
export function start(blocked: Set<string>): net.Server {
  return net.createServer((socket) => {
    const peer = describeSocket(socket);
    if (blocked.has(peer)) return;
    socket.write(\`hello \${peer}\\n\`);
  });
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 6, column: 28, data: { ...DROPPED, path: 'when the function returns at line 6 (after `if (blocked.has(peer))`)' } }],
  },
  {
    name: 'An early return on an allowHalfOpen server that does end the socket after its end event',
    code: `import * as net from 'node:net';
export function start(allowed: Set<string>): net.Server {
  return net.createServer({ allowHalfOpen: true }, (socket) => {
    if (!allowed.has(socket.remoteAddress ?? '')) return;
    socket.on('end', () => socket.end());
  });
}`,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 51,
        data: { ...DROPPED, path: "when the function returns at line 4 (after `if (!allowed.has(socket.remoteAddress ?? ''))`)" },
      },
    ],
  },
  {
    name: 'A connection handler declared on its own and passed to net.createServer',
    code: `import * as net from 'node:net';
function onConnection(socket: net.Socket): void {
  if (socket.remoteAddress === undefined) return;
  socket.write('hello\\n');
}
export const server = net.createServer(onConnection);`,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 43,
        data: { ...DROPPED, path: 'when `onConnection()` returns at line 3 (after `if (socket.remoteAddress === undefined)`)' },
      },
    ],
  },
  {
    name: '.js: an early return after a failed check',
    filename: 'script.js',
    code: `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  if (!socket.remoteAddress) return;
  socket.write('hello\\n');
});`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 30, data: { ...DROPPED, path: 'when the function returns at line 3 (after `if (!socket.remoteAddress)`)' } }],
  },
  {
    // hapi's listener (#13 §2): it only logs, so every connection with a malformed request stays open.
    code: `import * as http from 'node:http';
export function listen(log: (error: Error) => void): http.Server {
  const server = http.createServer((req, res) => res.end('ok'));
  server.on('clientError', (err, socket) => {
    log(err);
  });
  return server;
}`,
    errors: [
      {
        messageId: 'clientErrorIgnored',
        line: 4,
        column: 34,
        data: CLIENT_ERROR('`socket`'),
        suggestions: [
          {
            messageId: 'addDestroy',
            data: { name: 'socket', method: 'destroy' },
            output: `import * as http from 'node:http';
export function listen(log: (error: Error) => void): http.Server {
  const server = http.createServer((req, res) => res.end('ok'));
  server.on('clientError', (err, socket) => {
    log(err);
    socket.destroy();
  });
  return server;
}`,
          },
        ],
      },
    ],
  },
  {
    // A listener that takes no socket at all cannot close it.
    code: `import * as http from 'node:http';
export const server = http.createServer((req, res) => res.end('ok'));
server.on('clientError', (err) => console.warn('bad request', err.message));`,
    errors: [{ messageId: 'clientErrorIgnored', line: 3, column: 26, data: CLIENT_ERROR('the socket it is given (its second parameter)'), suggestions: [] }],
  },
  {
    // Writing a response is not ending the connection; a named listener is judged where it is registered.
    code: `import * as http from 'node:http';
import type { Duplex } from 'node:stream';
function onClientError(err: Error, socket: Duplex): void {
  socket.write('HTTP/1.1 400 Bad Request\\r\\n\\r\\n');
}
export const server = http.createServer((req, res) => res.end('ok'));
server.on('clientError', onClientError);`,
    errors: [
      {
        messageId: 'clientErrorIgnored',
        line: 3,
        column: 36,
        data: CLIENT_ERROR('`socket`'),
        suggestions: [
          {
            // After a written response, end() flushes it; destroy() would drop it.
            messageId: 'addDestroy',
            data: { name: 'socket', method: 'end' },
            output: `import * as http from 'node:http';
import type { Duplex } from 'node:stream';
function onClientError(err: Error, socket: Duplex): void {
  socket.write('HTTP/1.1 400 Bad Request\\r\\n\\r\\n');
  socket.end();
}
export const server = http.createServer((req, res) => res.end('ok'));
server.on('clientError', onClientError);`,
          },
        ],
      },
    ],
  },
  {
    // A listener on the socket's own 'error' only silences it; nothing ends it. The suggestion goes before a last return.
    code: `import * as http from 'node:http';
export const server = http.createServer((req, res) => res.end('ok'));
server.on('clientError', (err, socket) => {
  socket.on('error', () => {});
  console.error(err);
  return;
});`,
    errors: [
      {
        messageId: 'clientErrorIgnored',
        line: 3,
        column: 32,
        data: CLIENT_ERROR('`socket`'),
        suggestions: [
          {
            messageId: 'addDestroy',
            data: { name: 'socket', method: 'destroy' },
            output: `import * as http from 'node:http';
export const server = http.createServer((req, res) => res.end('ok'));
server.on('clientError', (err, socket) => {
  socket.on('error', () => {});
  console.error(err);
  socket.destroy();
  return;
});`,
          },
        ],
      },
    ],
  },
  {
    // TypeScript's \`this\` pseudo-parameter is no parameter: the error is the first, the socket the second.
    code: `import * as http from 'node:http';
export const server = http.createServer((req, res) => res.end('ok'));
server.on('clientError', function (this: http.Server, err: Error) {
  console.warn(err.message);
});`,
    errors: [{ messageId: 'clientErrorIgnored', line: 3, column: 26, data: CLIENT_ERROR('the socket it is given (its second parameter)'), suggestions: [] }],
  },
];

ruleTester.run('no-hanging-socket', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });

/** Every suggestion of every invalid case above, with the code it edits, so a new case is type-checked without more work. */
const suggestionEdits = invalid.flatMap((test) =>
  test.errors.flatMap((error, index) =>
    (Array.isArray(error.suggestions) ? error.suggestions : []).map((suggestion) => ({
      label: `${test.name ?? test.code.slice(0, 40)} — error ${index + 1}, ${suggestion.messageId}`,
      fileName: test.filename ?? 'file.ts',
      original: test.code,
      output: suggestion.output,
    })),
  ),
);

describe('no-hanging-socket suggestions type-check', () => {
  it('covers the suggestions of the cases above', () => {
    expect(suggestionEdits.length).toBeGreaterThanOrEqual(10);
  });

  for (const edit of suggestionEdits) {
    it(edit.label, () => {
      expect(typeErrorsIntroduced('export {};\n', edit.original, edit.fileName), 'the case itself type-checks').toEqual([]);
      expect(typeErrorsIntroduced(edit.original, edit.output, edit.fileName)).toEqual([]);
    });
  }

  it('catches an output that does not type-check (negative control)', () => {
    const original = `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  socket.setTimeout(1000);
});`;
    const broken = `import * as net from 'node:net';
export const server = net.createServer((socket) => {
  socket.setTimeout(1000);
  socket.on('timeout', () => socket.shutdown());
});`;
    const noSuchMethod = "TS2339: Property 'shutdown' does not exist on type 'Socket'.";
    expect(typeErrorsIntroduced(original, broken)).toEqual([noSuchMethod]);
    expect(typeErrorsIntroduced(original, broken, 'script.js')).toEqual([noSuchMethod]);
    // Diagnostics the original already has are not the edit's fault; one more of the same kind is.
    expect(typeErrorsIntroduced(broken, broken)).toEqual([]);
    expect(typeErrorsIntroduced(broken, broken.replace('socket.setTimeout(1000);', 'socket.setTimeout(1000);\n  socket.shutdown();'))).toEqual([
      noSuchMethod,
    ]);
  });
});
