// Rule tests for `leaks/no-leaked-resource`: JavaScript (ESM with allowJs, CommonJS `require`) and TSX files.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

// JavaScript modules are linted as `script.js` (a `file.js` would share its base name with `file.ts`, which
// TypeScript does not allow in one project).
const JS = 'script.js';
const CJS = 'file.cjs';
const TSX = 'react.tsx';

const SOCKET = { resource: 'net.Socket', released: 'destroyed', advice: 'End or destroy it on every path, or hand it to an owner.' };
const FILE_HANDLE = { resource: 'FileHandle', released: 'closed', advice: 'Close it in a `finally` block, or declare it with `await using`.' };
const WEBSOCKET = { resource: 'WebSocket', released: 'closed', advice: 'Close it on every path, or hand it to an owner.' };
const CHILD = {
  resource: 'child process',
  released: 'killed or waited for',
  advice: "Wait for its 'exit' event (or `once(child, 'exit')`), or kill it on every path.",
};

/** React's hook, declared so the TSX cases need no React types. */
const USE_EFFECT = `declare function useEffect(effect: () => void | (() => void), deps?: unknown[]): void;
`;

const valid: ValidTestCase<Options>[] = [
  {
    name: 'CommonJS: the pid kept in a module variable, for `process.kill(pid)` when the app quits (taxonium)',
    filename: CJS,
    code: `const { fork } = require('node:child_process');
let backendPid = 0;
function setup(script) {
  const backend = fork(script);
  backendPid = backend.pid;
  backend.on('message', (data) => console.log(data));
}
function quit() {
  if (backendPid) process.kill(backendPid);
}
module.exports = { setup, quit };`,
  },
  {
    name: 'CommonJS: the pid returned, for the caller to kill',
    filename: CJS,
    code: `const childProcess = require('node:child_process');
function start(command) {
  const child = childProcess.spawn(command);
  return child.pid;
}
module.exports = { start };`,
  },
  {
    filename: JS,
    code: `import * as net from 'node:net';
export function ping(port) {
  const socket = net.connect(port);
  socket.end('ping');
}`,
  },
  {
    // A JSDoc-typed helper in the same JavaScript file releases the parameter.
    filename: JS,
    code: `import * as net from 'node:net';
/** @param {net.Socket} socket */
function shutDown(socket) {
  socket.end();
}
export function ping(port) {
  const socket = net.connect(port);
  shutDown(socket);
}`,
  },
  {
    // A JavaScript class keeping the socket in a field.
    filename: JS,
    code: `import * as net from 'node:net';
export class Connection {
  constructor(port) {
    this.socket = net.connect(port);
  }
  close() {
    this.socket.destroy();
  }
}`,
  },
  {
    filename: CJS,
    code: `const net = require('node:net');
function dial(port) {
  return net.connect(port);
}
module.exports = { dial };`,
  },
  {
    filename: CJS,
    code: `const net = require('node:net');
exports.dial = (port) => net.connect(port);`,
  },
  {
    filename: CJS,
    code: `const { open } = require('node:fs/promises');
async function read(path) {
  const handle = await open(path, 'r');
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
module.exports = { read };`,
  },
  {
    // A child process waited for, in CommonJS.
    filename: CJS,
    code: `const { spawn } = require('node:child_process');
function run(command, done) {
  const child = spawn(command);
  child.on('exit', done);
}
module.exports = { run };`,
  },
  {
    // TSX: an effect that returns its cleanup.
    filename: TSX,
    code: `${USE_EFFECT}export function Feed({ url }: { url: string }) {
  useEffect(() => {
    const ws = new WebSocket(url);
    ws.addEventListener('message', (event) => console.log(event.data));
    return () => ws.close();
  }, [url]);
  return <ul />;
}`,
  },
  {
    // TSX: handed to a child component as a prop.
    filename: TSX,
    code: `function Status(props: { socket: WebSocket }) {
  return <span>{props.socket.url}</span>;
}
export function Panel({ url }: { url: string }) {
  const socket = new WebSocket(url);
  return <Status socket={socket} />;
}`,
  },
  {
    // TSX: a generic arrow component (`<T,>` only parses in TSX this way).
    filename: TSX,
    code: `import * as net from 'node:net';
export const Probe = <T,>({ port, label }: { port: number; label: T }) => {
  const socket = net.connect(port);
  socket.destroy();
  return <b>{String(label)}</b>;
};`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    filename: JS,
    code: `import * as net from 'node:net';
export function ping(port, quiet) {
  const socket = net.connect(port);
  if (quiet) return;
  socket.end('ping');
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 35,
        data: { name: 'socket', ...SOCKET, path: 'when `ping()` returns at line 4' },
      },
    ],
    output: `import * as net from 'node:net';
export function ping(port, quiet) {
  const socket = net.connect(port);
  if (quiet) {
    socket.end();
    return;
  }
  socket.end('ping');
}`,
  },
  {
    // JavaScript: a factory in a TypeScript file of the program.
    filename: JS,
    code: `import { openSocket } from './owners.js';
export function ping(port) {
  const socket = openSocket(port);
  socket.write('ping');
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      endLine: 3,
      endColumn: 34,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import { openSocket } from './owners.js';
export function ping(port) {
  const socket = openSocket(port);
  try {
    socket.write('ping');
  } finally {
    socket.end();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    // JavaScript: an awaited acquisition in a class method.
    filename: JS,
    code: `import { open } from 'node:fs/promises';
export class Log {
  async size(path) {
    const handle = await open(path, 'r');
    return (await handle.stat()).size;
  }
}`,
    errors: [{ messageId: 'leak', line: 4, column: 26, data: { name: 'handle', ...FILE_HANDLE, path: 'when `size()` returns at line 5' } }],
    output: `import { open } from 'node:fs/promises';
export class Log {
  async size(path) {
    const handle = await open(path, 'r');
    try {
      return (await handle.stat()).size;
    } finally {
      await handle.close();
    }
  }
}`,
  },
  {
    // CommonJS: require of the whole module.
    filename: CJS,
    code: `const net = require('node:net');
function ping(port) {
  const socket = net.connect(port);
  socket.write('ping');
}
module.exports = { ping };`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 35,
        data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 5' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `const net = require('node:net');
function ping(port) {
  const socket = net.connect(port);
  try {
    socket.write('ping');
  } finally {
    socket.end();
  }
}
module.exports = { ping };`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    // CommonJS: a destructured require.
    filename: CJS,
    code: `const { connect } = require('node:net');
module.exports = function ping(port) {
  const socket = connect(port);
  if (!socket.writable) return false;
  socket.end('ping');
  return true;
};`,
    errors: [{ messageId: 'leak', line: 3, column: 18, endLine: 3, endColumn: 31, data: { name: 'socket', ...SOCKET, path: 'when `ping()` returns at line 4' } }],
    output: `const { connect } = require('node:net');
module.exports = function ping(port) {
  const socket = connect(port);
  if (!socket.writable) {
    socket.end();
    return false;
  }
  socket.end('ping');
  return true;
};`,
  },
  {
    // CommonJS: fs/promises through require, awaited.
    filename: CJS,
    code: `const fsp = require('node:fs/promises');
exports.size = async (path) => {
  const handle = await fsp.open(path, 'r');
  return (await handle.stat()).size;
};`,
    errors: [{ messageId: 'leak', line: 3, column: 24, endLine: 3, endColumn: 43 }],
    output: `const fsp = require('node:fs/promises');
exports.size = async (path) => {
  const handle = await fsp.open(path, 'r');
  try {
    return (await handle.stat()).size;
  } finally {
    await handle.close();
  }
};`,
  },
  {
    // CommonJS: a child process nobody waits for.
    filename: CJS,
    code: `const childProcess = require('node:child_process');
function start(command) {
  const child = childProcess.spawn(command);
  console.log('started', child.pid);
}
module.exports = { start };`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 17,
      data: { name: 'child', ...CHILD, path: 'when `start()` ends at line 5' }
    }],
    output: null,
  },
  {
    // TSX: a WebSocket opened by a click handler and kept nowhere.
    filename: TSX,
    code: `export function Chat({ url }: { url: string }) {
  const connect = () => {
    const ws = new WebSocket(url);
    ws.addEventListener('message', (event) => console.log(event.data));
  };
  return <button onClick={connect}>Connect</button>;
}`,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 16,
        endLine: 3,
        endColumn: 34,
        data: { name: 'ws', ...WEBSOCKET, path: 'when `connect()` ends at line 5' },
      },
    ],
    output: null,
  },
  {
    // TSX: an effect without cleanup.
    filename: TSX,
    code: `${USE_EFFECT}export function Feed({ url }: { url: string }) {
  useEffect(() => {
    const ws = new WebSocket(url);
    ws.addEventListener('message', (event) => console.log(event.data));
  }, [url]);
  return <ul />;
}`,
    errors: [{ messageId: 'leak', line: 4, column: 16, data: { name: 'ws', ...WEBSOCKET, path: 'when the function ends at line 6' } }],
    output: null,
  },
  {
    // TSX: a component that opens a socket while rendering and returns early.
    filename: TSX,
    code: `import * as net from 'node:net';
export function Probe({ port }: { port: number }) {
  const socket = net.connect(port);
  if (port === 0) {
    return <i>disabled</i>;
  }
  socket.destroy();
  return <b>{port}</b>;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 18, data: { name: 'socket', ...SOCKET, path: 'when `Probe()` returns at line 5' } }],
    output: `import * as net from 'node:net';
export function Probe({ port }: { port: number }) {
  const socket = net.connect(port);
  if (port === 0) {
    socket.end();
    return <i>disabled</i>;
  }
  socket.destroy();
  return <b>{port}</b>;
}`,
  },
];

ruleTester.run('no-leaked-resource (languages)', rule, { valid, invalid });
