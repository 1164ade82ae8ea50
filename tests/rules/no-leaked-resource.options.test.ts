// Rule tests for `leaks/no-leaked-resource`: the `resources`, `ignore` and `unknownCallees` options (TypeOrValueSpecifier shapes).
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** The shared tester enables JSX, so its default file is react.tsx: lint these cases as file.ts unless they name a file. */
const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

const SOCKET = { resource: 'net.Socket', released: 'destroyed', advice: 'End or destroy it on every path, or hand it to an owner.' };
const FILE_HANDLE = { resource: 'FileHandle', released: 'closed', advice: 'Close it in a `finally` block, or declare it with `await using`.' };

/** A type the catalog knows nothing about: it holds something only the `resources` option can say. */
const LEASE = `class Lease {
  free(): void {}
  drop(): void {}
}
`;
/** The same lease, with a subclass. */
const LEASES = `${LEASE}class TimedLease extends Lease {}
`;

const LEASE_BY_NAME: Options = [{ resources: [{ type: 'Lease', release: ['free', 'drop'] }] }];
const LEASE_FROM_FILE: Options = [{ resources: [{ type: { from: 'file', name: 'Lease' }, release: ['free'] }] }];
const INSPECTOR_SESSION: Options = [
  { resources: [{ type: { from: 'package', package: 'inspector', name: 'Session' }, release: ['disconnect'] }] },
];
const BORROW: Options = [{ unknownCallees: 'borrow' }];

const valid: ValidTestCase<Options>[] = [
  {
    // Without the option, a plain class is not a resource.
    code: `${LEASE}export function work(): void {
  const lease = new Lease();
  console.log(lease);
}`,
  },
  {
    code: `${LEASE}export function work(): void {
  const lease = new Lease();
  lease.free();
}`,
    options: LEASE_BY_NAME,
  },
  {
    // Any of the listed release methods releases it.
    code: `${LEASE}export function work(): void {
  const lease = new Lease();
  lease.drop();
}`,
    options: LEASE_BY_NAME,
  },
  {
    code: `${LEASE}export function work(): void {
  const lease = new Lease();
  lease.free();
}`,
    options: LEASE_FROM_FILE,
  },
  {
    // A user resource follows the same hand-off rules as built-in ones.
    code: `${LEASE}export function work(): Lease {
  const lease = new Lease();
  return lease;
}`,
    options: LEASE_FROM_FILE,
  },
  {
    // Without the option, the inspector session is not in the catalog.
    code: `import * as inspector from 'node:inspector';
export function profile(): void {
  const session = new inspector.Session();
  session.connect();
}`,
  },
  {
    code: `import * as inspector from 'node:inspector';
export function profile(): void {
  const session = new inspector.Session();
  session.connect();
  session.disconnect();
}`,
    options: INSPECTOR_SESSION,
  },
  {
    // ignore, by package.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port);
  socket.write('ping');
}`,
    options: [{ ignore: [{ from: 'package', package: 'net', name: 'Socket' }] }],
  },
  {
    // ignore, by name, on a Disposable the program defines.
    code: `declare class Lease implements Disposable {
  [Symbol.dispose](): void;
}
export function work(): void {
  const lease = new Lease();
  console.log(lease);
}`,
    options: [{ ignore: ['Lease'] }],
  },
  {
    // ignore, from the lib.
    code: `export function work(): void {
  const stack = new DisposableStack();
  stack.defer(() => console.log('done'));
}`,
    options: [{ ignore: [{ from: 'lib', name: 'DisposableStack' }] }],
  },
  {
    // ignore, from a file.
    code: `declare class Lease implements Disposable {
  [Symbol.dispose](): void;
}
export function work(): void {
  const lease = new Lease();
  console.log(lease);
}`,
    options: [{ ignore: [{ from: 'file', name: 'Lease' }] }],
  },
  {
    // unknownCallees: 'transfer' is the default, and may be spelled out.
    code: `import * as net from 'node:net';
declare function register(socket: net.Socket): void;
export function open(port: number): void {
  const socket = net.connect(port);
  register(socket);
}`,
    options: [{ unknownCallees: 'transfer' }],
  },
  {
    // unknownCallees: 'borrow' leaves program functions that store the socket as owners.
    code: `import * as net from 'node:net';
import { keepSocket } from './owners.js';
export function open(port: number): void {
  const socket = net.connect(port);
  keepSocket(socket);
}`,
    options: BORROW,
  },
  {
    // unknownCallees: 'borrow' leaves catalog transfers (collections) as owners.
    code: `import * as net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function open(id: string, port: number): void {
  sockets.set(id, net.connect(port));
}`,
    options: BORROW,
  },
  {
    // unknownCallees: 'borrow' leaves wrapping constructors as owners.
    code: `import * as net from 'node:net';
import * as tls from 'node:tls';
export function upgrade(port: number): void {
  const plain = net.connect(port);
  const secure = new tls.TLSSocket(plain);
  secure.end();
}`,
    options: BORROW,
  },
  {
    // unknownCallees: 'borrow' and a release in a program function.
    code: `import * as net from 'node:net';
import { closeSocket } from './helpers.js';
export function ping(port: number): void {
  const socket = net.connect(port);
  closeSocket(socket);
}`,
    options: BORROW,
  },
  {
    // ignore applies to subclasses: a TLS socket is a net.Socket.
    code: `import * as tls from 'node:tls';
export function hello(host: string): void {
  const socket = tls.connect({ host, port: 443 });
  socket.write('hello');
}`,
    options: [{ ignore: [{ from: 'package', package: 'net', name: 'Socket' }] }],
  },
  {
    // An `any` callee is an unknown callee: by default it takes the socket.
    code: `import * as net from 'node:net';
export function open(port: number, plugin: any): void {
  const socket = net.connect(port);
  plugin.adopt(socket);
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    // resources: a string specifier.
    code: `${LEASE}export function work(): void {
  const lease = new Lease();
  console.log(lease);
}`,
    options: LEASE_BY_NAME,
    errors: [
      {
        messageId: 'leak',
        line: 6,
        column: 17,
        endLine: 6,
        endColumn: 28,
        data: {
                name: 'lease',
                resource: 'Lease',
                released: 'released',
                advice: 'Call `free()` on every path, or hand it to an owner.',
                path: 'when `work()` ends at line 8',
              },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `class Lease {
  free(): void {}
  drop(): void {}
}
export function work(): void {
  const lease = new Lease();
  try {
    console.log(lease);
  } finally {
    lease.free();
  }
}`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    // resources: a file specifier.
    code: `${LEASE}export function work(fast: boolean): void {
  const lease = new Lease();
  if (fast) return;
  lease.free();
}`,
    options: LEASE_FROM_FILE,
    errors: [
      {
        messageId: 'leak',
        line: 6,
        column: 17,
        data: {
          name: 'lease',
          resource: 'Lease',
          released: 'released',
          advice: 'Call `free()` on every path, or hand it to an owner.',
          path: 'when `work()` returns at line 7',
        },
      },
    ],
    output: `class Lease {
  free(): void {}
  drop(): void {}
}
export function work(fast: boolean): void {
  const lease = new Lease();
  if (fast) {
    lease.free();
    return;
  }
  lease.free();
}`,
  },
  {
    // resources: subclasses of the named type are the same resource.
    code: `${LEASES}export function work(): void {
  const lease = new TimedLease();
  console.log(lease);
}`,
    options: LEASE_BY_NAME,
    errors: [{
      messageId: 'leak',
      line: 7,
      column: 17,
      endLine: 7,
      endColumn: 33,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `class Lease {
  free(): void {}
  drop(): void {}
}
class TimedLease extends Lease {}
export function work(): void {
  const lease = new TimedLease();
  try {
    console.log(lease);
  } finally {
    lease.free();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    // resources: `pooling: true` gives the reuse advice.
    code: `${LEASE}export function work(): void {
  const lease = new Lease();
  console.log(lease);
}`,
    options: [{ resources: [{ type: 'Lease', release: ['free'], pooling: true }] }],
    errors: [
      {
        messageId: 'leakPooling',
        line: 6,
        column: 17,
        data: { name: 'lease', resource: 'Lease', released: 'released', release: 'free', path: 'when `work()` ends at line 8' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `class Lease {
  free(): void {}
  drop(): void {}
}
export function work(): void {
  const lease = new Lease();
  try {
    console.log(lease);
  } finally {
    lease.free();
  }
}`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    // resources: a package specifier.
    code: `import * as inspector from 'node:inspector';
export function profile(): void {
  const session = new inspector.Session();
  session.connect();
}`,
    options: INSPECTOR_SESSION,
    errors: [
      {
        messageId: 'leak',
        line: 3,
        column: 19,
        endLine: 3,
        endColumn: 42,
        data: {
                name: 'session',
                resource: 'inspector Session',
                released: 'released',
                advice: 'Call `disconnect()` on every path, or hand it to an owner.',
                path: 'when `profile()` ends at line 5',
              },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as inspector from 'node:inspector';
export function profile(): void {
  const session = new inspector.Session();
  try {
    session.connect();
  } finally {
    session.disconnect();
  }
}`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    // resources: a user resource created and dropped.
    code: `${LEASE}export function work(): void {
  new Lease();
}`,
    options: LEASE_BY_NAME,
    errors: [{ messageId: 'discarded', line: 6, column: 3, endLine: 6, endColumn: 14 }],
    output: null,
  },
  {
    // ignore: ignoring one type leaves the others reported.
    code: `import * as net from 'node:net';
import { open } from 'node:fs/promises';
export async function both(port: number, path: string): Promise<void> {
  const socket = net.connect(port);
  const handle = await open(path, 'r');
  socket.write(await handle.readFile());
}`,
    options: [{ ignore: [{ from: 'package', package: 'net', name: 'Socket' }] }],
    errors: [
      {
        messageId: 'leak',
        line: 5,
        column: 24,
        endLine: 5,
        endColumn: 39,
        data: { name: 'handle', ...FILE_HANDLE, path: 'when `both()` ends at line 7' },
      },
    ],
    output: `import * as net from 'node:net';
import { open } from 'node:fs/promises';
export async function both(port: number, path: string): Promise<void> {
  const socket = net.connect(port);
  const handle = await open(path, 'r');
  try {
    socket.write(await handle.readFile());
  } finally {
    await handle.close();
  }
}`,
  },
  {
    // ignore: a name that matches nothing ignores nothing.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port);
  socket.write('ping');
}`,
    options: [{ ignore: ['NoSuchType'] }],
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 5' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port);
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
    // unknownCallees: 'borrow' — an unknown callee leaves the caller owning the socket.
    code: `import * as net from 'node:net';
declare function register(socket: net.Socket): void;
export function open(port: number): void {
  const socket = net.connect(port);
  register(socket);
}`,
    options: BORROW,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 18,
        endLine: 4,
        endColumn: 35,
        data: { name: 'socket', ...SOCKET, path: 'when `open()` ends at line 6' },
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as net from 'node:net';
declare function register(socket: net.Socket): void;
export function open(port: number): void {
  const socket = net.connect(port);
  try {
    register(socket);
  } finally {
    socket.end();
  }
}`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    // unknownCallees: 'borrow' — passed inline, it is only lent.
    code: `import * as net from 'node:net';
declare function register(socket: net.Socket): void;
export function open(port: number): void {
  register(net.connect(port));
}`,
    options: BORROW,
    errors: [
      {
        messageId: 'discarded',
        line: 4,
        column: 12,
        endLine: 4,
        endColumn: 29,
        data: { ...SOCKET, how: 'only lent to `register`', consequence: 'it stays open' },
      },
    ],
    output: null,
  },
  {
    // unknownCallees: 'borrow' — a callback parameter has no body in the program either.
    code: `import * as net from 'node:net';
export function open(port: number, use: (socket: net.Socket) => void): void {
  const socket = net.connect(port);
  use(socket);
}`,
    options: BORROW,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      data: { name: 'socket', ...SOCKET, path: 'when `open()` ends at line 5' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export function open(port: number, use: (socket: net.Socket) => void): void {
  const socket = net.connect(port);
  try {
    use(socket);
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
    // Options combine: a user resource, in module scope, with exception paths.
    code: `${LEASE}const lease = new Lease();
JSON.parse('{}');
lease.free();`,
    options: [{ resources: [{ type: 'Lease', release: ['free'] }], checkModuleScope: true, checkExceptionPaths: true }],
    errors: [
      {
        messageId: 'exception',
        line: 5,
        column: 15,
        endLine: 5,
        endColumn: 26,
        data: { name: 'lease', resource: 'Lease', released: 'released', thrower: 'JSON.parse()', line: 6, remedy: 'Release it in a `finally` block.' },
      },
    ],
    output: null,
  },
  {
    // An `any` callee with unknownCallees: 'borrow'.
    code: `import * as net from 'node:net';
export function open(port: number, plugin: any): void {
  const socket = net.connect(port);
  plugin.adopt(socket);
}`,
    options: BORROW,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      data: { name: 'socket', ...SOCKET, path: 'when `open()` ends at line 5' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export function open(port: number, plugin: any): void {
  const socket = net.connect(port);
  try {
    plugin.adopt(socket);
  } finally {
    socket.end();
  }
}`,
        },
      ],
    }],
    output: null,
  },
];

ruleTester.run('no-leaked-resource (options)', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
