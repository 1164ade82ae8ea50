// Rule tests for `leaks/no-leaked-resource`: `any`-typed and untyped code stays quiet, unusual syntax neither crashes nor hides real leaks.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** The shared tester enables JSX, so its default file is react.tsx: lint these cases as file.ts unless they name a file. */
const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

const SOCKET = { resource: 'net.Socket', released: 'destroyed', advice: 'End or destroy it on every path, or hand it to an owner.' };

/** Many acquisitions in one function, each released: the analysis must stay exact at scale. */
const MANY_RELEASED = `import * as net from 'node:net';
export function many(port: number): void {
${Array.from({ length: 60 }, (_, i) => `  const s${i} = net.connect(port + ${i});\n  s${i}.end();`).join('\n')}
}`;

/** Closures nested deeper than the engine follows, over a socket released at the top. */
const DEEP_CLOSURES = `import * as net from 'node:net';
export function deep(port: number): void {
  const socket = net.connect(port);
  const read = () => () => () => () => () => () => () => () => () => socket.bytesRead;
  console.log(read()()()()()()()()());
  socket.destroy();
}`;

const valid: ValidTestCase<Options>[] = [
  {
    // `any`: nothing is known, nothing is reported.
    code: `export function ping(lib: any, port: number): void {
  const socket = lib.connect(port);
  socket.write('ping');
}`,
  },
  {
    // A module seen through `any`.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const loose: any = net;
  const socket = loose.connect(port);
  socket.write('ping');
}`,
  },
  {
    // An import that does not resolve is `any`.
    code: `// @ts-expect-error: the package does not exist
import { connect } from 'no-such-package';
export function ping(port: number): void {
  const client = connect(port);
  client.send('ping');
}`,
  },
  {
    // JavaScript without types.
    filename: 'script.js',
    code: `export function read(source) {
  const stream = source.open();
  stream.read();
}`,
  },
  {
    // A static block that releases.
    code: `import * as net from 'node:net';
export class Config {
  static ready = false;
  static {
    const socket = net.connect(4000);
    Config.ready = socket.writable;
    socket.destroy();
  }
}`,
  },
  {
    // An acquisition that can never run.
    code: `import * as net from 'node:net';
export function never(port: number): void {
  return;
  const socket = net.connect(port);
  socket.write('x');
}`,
  },
  {
    // Factories that only call each other never create anything (and must not loop forever).
    code: `import type { Socket } from 'node:net';
function a(n: number): Socket {
  return b(n - 1);
}
function b(n: number): Socket {
  return a(n + 1);
}
export function use(): number {
  const socket = a(1);
  return socket.bytesRead;
}`,
  },
  {
    // Optional call of the release method.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = net.connect(port);
  socket.destroy?.();
}`,
  },
  {
    // Decorators, accessors, satisfies and private fields around correct code.
    code: `import * as net from 'node:net';
function logged<T>(value: T, _context: ClassMethodDecoratorContext): T {
  return value;
}
export class Probe {
  #socket = net.connect(80);
  accessor attempts = 0;
  @logged
  ping(port: number): void {
    const socket = net.connect(port) satisfies net.Socket;
    socket.end('ping');
  }
  close(): void {
    this.#socket.destroy();
  }
}`,
  },
  { code: MANY_RELEASED },
  { code: DEEP_CLOSURES },
  {
    // A file of types only.
    code: `import type { Socket } from 'node:net';
export type Pair = [Socket, Socket];
export interface Holder {
  socket: Socket;
}`,
  },
  {
    // A type error in otherwise correct code does not crash the rule.
    code: `import * as net from 'node:net';
export function ping(port: string): void {
  // @ts-expect-error: the port should be a number
  const socket = net.connect(port, 42, 'extra');
  socket.end();
}`,
  },
  {
    // Enums, namespaces, overloads and abstract classes around correct code.
    code: `import * as net from 'node:net';
enum Mode {
  Fast,
  Slow,
}
export namespace Probes {
  export function ping(port: number, mode: Mode): void {
    const socket = net.connect(port);
    if (mode === Mode.Fast) socket.destroy();
    else socket.end();
  }
}
export abstract class Base {
  abstract open(): net.Socket;
  run(): void {
    const socket = this.open();
    socket.end();
  }
}
export function parse(x: string): number;
export function parse(x: number): number;
export function parse(x: string | number): number {
  return Number(x);
}`,
  },
  {
    // A dynamic import whose socket is released.
    code: `export async function ping(port: number): Promise<void> {
  const { connect } = await import('node:net');
  const socket = connect(port);
  socket.end('ping');
}`,
  },
  {
    // An async IIFE with await using.
    code: `import { open } from 'node:fs/promises';
export function touch(path: string): void {
  void (async () => {
    await using handle = await open(path, 'a');
    await handle.utimes(new Date(), new Date());
  })();
}`,
  },
  {
    // import.meta, new.target and a getter in the same file.
    code: `import * as net from 'node:net';
export class Probe {
  constructor() {
    if (new.target !== Probe) throw new Error(import.meta.url);
  }
  get open(): boolean {
    const socket = net.connect(80);
    const writable = socket.writable;
    socket.destroy();
    return writable;
  }
}`,
  },
  {
    // yield* delegation to a generator that yields sockets.
    code: `import * as net from 'node:net';
function* one(port: number): Generator<net.Socket> {
  yield net.connect(port);
}
export function* all(ports: number[]): Generator<net.Socket> {
  for (const port of ports) yield* one(port);
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // The acquisition check answers from the callee's signature when it has one that is not generic, and resolves the call
  // otherwise: both must find the same resources.
  {
    // A generic factory: the call is resolved (its signature has type parameters) and still creates the socket.
    code: `import * as net from 'node:net';
function open<T extends { port: number }>(options: T): net.Socket {
  return net.connect(options.port);
}
export function ping(port: number): void {
  const socket = open({ port });
  socket.write('ping');
}`,
    errors: [
      {
        messageId: 'leak',
        line: 6,
        column: 18,
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as net from 'node:net';
function open<T extends { port: number }>(options: T): net.Socket {
  return net.connect(options.port);
}
export function ping(port: number): void {
  const socket = open({ port });
  try {
    socket.write('ping');
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
    // An overloaded factory: only the overload the call resolves to counts (the count is no resource).
    code: `import * as net from 'node:net';
function make(kind: 'socket', port: number): net.Socket;
function make(kind: 'count', port: number): number;
function make(kind: 'socket' | 'count', port: number): net.Socket | number {
  return kind === 'socket' ? net.connect(port) : port;
}
export function probe(port: number): number {
  const count = make('count', port);
  const socket = make('socket', port);
  socket.write('probe');
  return count;
}`,
    errors: [
      {
        messageId: 'leak',
        line: 9,
        column: 18,
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as net from 'node:net';
function make(kind: 'socket', port: number): net.Socket;
function make(kind: 'count', port: number): number;
function make(kind: 'socket' | 'count', port: number): net.Socket | number {
  return kind === 'socket' ? net.connect(port) : port;
}
export function probe(port: number): number {
  const count = make('count', port);
  const socket = make('socket', port);
  try {
    socket.write('probe');
    return count;
  } finally {
    socket.end();
  }
}`,
          },
          {
            messageId: 'suggestRelease',
            output: `import * as net from 'node:net';
function make(kind: 'socket', port: number): net.Socket;
function make(kind: 'count', port: number): number;
function make(kind: 'socket' | 'count', port: number): net.Socket | number {
  return kind === 'socket' ? net.connect(port) : port;
}
export function probe(port: number): number {
  const count = make('count', port);
  const socket = make('socket', port);
  socket.write('probe');
  socket.end();
  return count;
}`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    // A method with one signature that is not generic creates what it declares; a call on `any` creates nothing.
    code: `import * as net from 'node:net';
class Dialer {
  constructor(private readonly port: number) {}
  dial(): net.Socket {
    return net.connect(this.port);
  }
}
export function greet(port: number, name: unknown): void {
  const socket = new Dialer(port).dial();
  socket.write('hello');
  const untyped = (name as any).dial();
  untyped.write('hello');
}`,
    errors: [
      {
        messageId: 'leak',
        line: 9,
        column: 18,
        suggestions: [
          {
            messageId: 'suggestFinally',
            output: `import * as net from 'node:net';
class Dialer {
  constructor(private readonly port: number) {}
  dial(): net.Socket {
    return net.connect(this.port);
  }
}
export function greet(port: number, name: unknown): void {
  const socket = new Dialer(port).dial();
  try {
    socket.write('hello');
    const untyped = (name as any).dial();
    untyped.write('hello');
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
    // A static block that does not release: reported at the end of the block.
    code: `import * as net from 'node:net';
export class Config {
  static ready = false;
  static {
    const socket = net.connect(4000);
    Config.ready = socket.writable;
  }
}`,
    errors: [
      {
        messageId: 'leak',
        line: 5,
        column: 20,
        endLine: 5,
        endColumn: 37,
        data: { name: 'socket', ...SOCKET, path: 'when the static block ends at line 7' },
      },
    ],
    output: null,
  },
  {
    // A function inside a namespace.
    code: `import * as net from 'node:net';
export namespace Probes {
  export function ping(port: number): void {
    const socket = net.connect(port);
    socket.write('ping');
  }
}`,
    errors: [{
      messageId: 'leak',
      line: 4,
      column: 20,
      data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 6' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export namespace Probes {
  export function ping(port: number): void {
    const socket = net.connect(port);
    try {
      socket.write('ping');
    } finally {
      socket.end();
    }
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    // A dynamic import still resolves the types.
    code: `export async function ping(port: number): Promise<void> {
  const { connect } = await import('node:net');
  const socket = connect(port);
  socket.write('ping');
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      endLine: 3,
      endColumn: 31,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `export async function ping(port: number): Promise<void> {
  const { connect } = await import('node:net');
  const socket = connect(port);
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
    // An overloaded factory in the program.
    code: `import * as net from 'node:net';
function dial(port: number): net.Socket;
function dial(path: string): net.Socket;
function dial(target: number | string): net.Socket {
  return typeof target === 'number' ? net.connect(target) : net.connect(target);
}
export function ping(port: number): void {
  const socket = dial(port);
  socket.write('ping');
}`,
    errors: [{
      messageId: 'leak',
      line: 8,
      column: 18,
      endLine: 8,
      endColumn: 28,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
function dial(port: number): net.Socket;
function dial(path: string): net.Socket;
function dial(target: number | string): net.Socket {
  return typeof target === 'number' ? net.connect(target) : net.connect(target);
}
export function ping(port: number): void {
  const socket = dial(port);
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
    // A decorated method.
    code: `import * as net from 'node:net';
function logged<T>(value: T, _context: ClassMethodDecoratorContext): T {
  return value;
}
export class Probe {
  @logged
  ping(port: number): void {
    const socket = net.connect(port);
    socket.write('ping');
  }
}`,
    errors: [{
      messageId: 'leak',
      line: 8,
      column: 20,
      data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 10' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
function logged<T>(value: T, _context: ClassMethodDecoratorContext): T {
  return value;
}
export class Probe {
  @logged
  ping(port: number): void {
    const socket = net.connect(port);
    try {
      socket.write('ping');
    } finally {
      socket.end();
    }
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    // Callees that pass the socket to each other forever release nothing.
    code: `import * as net from 'node:net';
function first(socket: net.Socket, n: number): void {
  if (n > 0) second(socket, n - 1);
}
function second(socket: net.Socket, n: number): void {
  if (n > 0) first(socket, n - 1);
}
export function ping(port: number): void {
  const socket = net.connect(port);
  first(socket, 3);
}`,
    errors: [{
      messageId: 'leak',
      line: 9,
      column: 18,
      data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 11' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
function first(socket: net.Socket, n: number): void {
  if (n > 0) second(socket, n - 1);
}
function second(socket: net.Socket, n: number): void {
  if (n > 0) first(socket, n - 1);
}
export function ping(port: number): void {
  const socket = net.connect(port);
  try {
    first(socket, 3);
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
    // void discards it.
    code: `import * as net from 'node:net';
export function knock(port: number): void {
  void net.connect(port);
}`,
    errors: [
      {
        messageId: 'discarded',
        line: 3,
        column: 8,
        endLine: 3,
        endColumn: 25,
        data: { ...SOCKET, how: 'not stored anywhere', consequence: 'it stays open' },
      },
    ],
    output: null,
  },
  {
    // A private method.
    code: `import * as net from 'node:net';
export class Prober {
  #probe(port: number): boolean {
    const socket = net.connect(port);
    return socket.writable;
  }
  run(): boolean {
    return this.#probe(80);
  }
}`,
    errors: [{
      messageId: 'leak',
      line: 4,
      column: 20,
      data: { name: 'socket', ...SOCKET, path: 'when `#probe()` returns at line 5' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export class Prober {
  #probe(port: number): boolean {
    const socket = net.connect(port);
    try {
      return socket.writable;
    } finally {
      socket.end();
    }
  }
  run(): boolean {
    return this.#probe(80);
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    // An object method shorthand.
    code: `import * as net from 'node:net';
export const probes = {
  ping(port: number): void {
    const socket = net.connect(port);
    socket.write('ping');
  },
};`,
    errors: [{
      messageId: 'leak',
      line: 4,
      column: 20,
      data: { name: 'socket', ...SOCKET, path: 'when `ping()` ends at line 6' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export const probes = {
  ping(port: number): void {
    const socket = net.connect(port);
    try {
      socket.write('ping');
    } finally {
      socket.end();
    }
  },
};`,
        },
      ],
    }],
    output: null,
  },
  {
    // Parentheses and a comma-operator callee.
    code: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = ((0, net.connect)(port));
  socket.write('ping');
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 19,
      endLine: 3,
      endColumn: 41,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export function ping(port: number): void {
  const socket = ((0, net.connect)(port));
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
    // Optional chaining on the module.
    code: `import * as net from 'node:net';
export function ping(port: number, mod?: typeof net): void {
  const socket = mod?.connect(port);
  socket?.write('ping');
}`,
    errors: [{
      messageId: 'leak',
      line: 3,
      column: 18,
      endLine: 3,
      endColumn: 36,
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export function ping(port: number, mod?: typeof net): void {
  const socket = mod?.connect(port);
  try {
    socket?.write('ping');
  } finally {
    socket?.end();
  }
}`,
        },
      ],
    }],
    output: null,
  },
  {
    // Enums and satisfies around a real leak.
    code: `import * as net from 'node:net';
enum Port {
  Admin = 9000,
}
export function admin(): void {
  const socket = net.connect(Port.Admin) satisfies net.Socket;
  socket.write('status');
}`,
    errors: [{
      messageId: 'leak',
      line: 6,
      column: 18,
      data: { name: 'socket', ...SOCKET, path: 'when `admin()` ends at line 8' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
enum Port {
  Admin = 9000,
}
export function admin(): void {
  const socket = net.connect(Port.Admin) satisfies net.Socket;
  try {
    socket.write('status');
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
    // One leak among many correct acquisitions is still found.
    code: MANY_RELEASED.replace('  s59.end();', '  s59.write("x");'),
    errors: [{
      messageId: 'leak',
      line: 121,
      column: 15,
      data: { name: 's59', ...SOCKET, path: 'when `many()` ends at line 123' },
      suggestions: [
        {
          messageId: 'suggestFinally',
          output: `import * as net from 'node:net';
export function many(port: number): void {
  const s0 = net.connect(port + 0);
  s0.end();
  const s1 = net.connect(port + 1);
  s1.end();
  const s2 = net.connect(port + 2);
  s2.end();
  const s3 = net.connect(port + 3);
  s3.end();
  const s4 = net.connect(port + 4);
  s4.end();
  const s5 = net.connect(port + 5);
  s5.end();
  const s6 = net.connect(port + 6);
  s6.end();
  const s7 = net.connect(port + 7);
  s7.end();
  const s8 = net.connect(port + 8);
  s8.end();
  const s9 = net.connect(port + 9);
  s9.end();
  const s10 = net.connect(port + 10);
  s10.end();
  const s11 = net.connect(port + 11);
  s11.end();
  const s12 = net.connect(port + 12);
  s12.end();
  const s13 = net.connect(port + 13);
  s13.end();
  const s14 = net.connect(port + 14);
  s14.end();
  const s15 = net.connect(port + 15);
  s15.end();
  const s16 = net.connect(port + 16);
  s16.end();
  const s17 = net.connect(port + 17);
  s17.end();
  const s18 = net.connect(port + 18);
  s18.end();
  const s19 = net.connect(port + 19);
  s19.end();
  const s20 = net.connect(port + 20);
  s20.end();
  const s21 = net.connect(port + 21);
  s21.end();
  const s22 = net.connect(port + 22);
  s22.end();
  const s23 = net.connect(port + 23);
  s23.end();
  const s24 = net.connect(port + 24);
  s24.end();
  const s25 = net.connect(port + 25);
  s25.end();
  const s26 = net.connect(port + 26);
  s26.end();
  const s27 = net.connect(port + 27);
  s27.end();
  const s28 = net.connect(port + 28);
  s28.end();
  const s29 = net.connect(port + 29);
  s29.end();
  const s30 = net.connect(port + 30);
  s30.end();
  const s31 = net.connect(port + 31);
  s31.end();
  const s32 = net.connect(port + 32);
  s32.end();
  const s33 = net.connect(port + 33);
  s33.end();
  const s34 = net.connect(port + 34);
  s34.end();
  const s35 = net.connect(port + 35);
  s35.end();
  const s36 = net.connect(port + 36);
  s36.end();
  const s37 = net.connect(port + 37);
  s37.end();
  const s38 = net.connect(port + 38);
  s38.end();
  const s39 = net.connect(port + 39);
  s39.end();
  const s40 = net.connect(port + 40);
  s40.end();
  const s41 = net.connect(port + 41);
  s41.end();
  const s42 = net.connect(port + 42);
  s42.end();
  const s43 = net.connect(port + 43);
  s43.end();
  const s44 = net.connect(port + 44);
  s44.end();
  const s45 = net.connect(port + 45);
  s45.end();
  const s46 = net.connect(port + 46);
  s46.end();
  const s47 = net.connect(port + 47);
  s47.end();
  const s48 = net.connect(port + 48);
  s48.end();
  const s49 = net.connect(port + 49);
  s49.end();
  const s50 = net.connect(port + 50);
  s50.end();
  const s51 = net.connect(port + 51);
  s51.end();
  const s52 = net.connect(port + 52);
  s52.end();
  const s53 = net.connect(port + 53);
  s53.end();
  const s54 = net.connect(port + 54);
  s54.end();
  const s55 = net.connect(port + 55);
  s55.end();
  const s56 = net.connect(port + 56);
  s56.end();
  const s57 = net.connect(port + 57);
  s57.end();
  const s58 = net.connect(port + 58);
  s58.end();
  const s59 = net.connect(port + 59);
  try {
    s59.write("x");
  } finally {
    s59.end();
  }
}`,
        },
      ],
    }],
    output: null,
  },
];

ruleTester.run('no-leaked-resource (robustness)', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
