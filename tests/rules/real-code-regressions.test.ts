// Shapes reduced from public code on which the rules once reported falsely (or missed), kept so they stay fixed.
import noLeakedResource from '../../rules/no-leaked-resource.js';
import noLeakedTimer from '../../rules/no-leaked-timer.js';
import noUnconsumedBody from '../../rules/no-unconsumed-body.js';
import noUnreleasedField, { type MessageIds as FieldMessageIds, type Options as FieldOptions } from '../../rules/no-unreleased-field.js';
import type { RunTests } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../rule-tester.js';
import { typeErrorsIntroduced } from '../typecheck.js';

const ruleTester = createRuleTester();

ruleTester.run('no-unconsumed-body (real code)', noUnconsumedBody, {
  valid: [
    {
      name: 'A Response built in memory to probe the runtime holds no connection (pg)',
      filename: 'file.ts',
      code: `export function isCloudflareRuntime(): boolean {
  const resp = new Response(null, { status: 204 });
  return resp.status === 204 && typeof (resp as unknown as { cf?: unknown }).cf === 'object';
}`,
    },
  ],
  invalid: [],
});

ruleTester.run('no-leaked-resource (real code)', noLeakedResource, {
  valid: [
    {
      name: 'Ended once connected; a failed connection is destroyed by Node after its error (wait-on)',
      filename: 'file.ts',
      code: `import * as net from 'node:net';
export function socketExists(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const conn = net
      .connect(socketPath)
      .on('error', () => resolve(false))
      .on('connect', () => {
        conn.end();
        resolve(true);
      });
  });
}`,
    },
  ],
  invalid: [],
});

ruleTester.run('no-leaked-resource (review)', noLeakedResource, {
  valid: [],
  invalid: [
    {
      name: "Review: a helper that only waits for 'data' does not release the socket, as the same call inline does not",
      filename: 'file.ts',
      code: `import * as net from 'node:net';
import { once } from 'node:events';
async function waitData(socket: net.Socket): Promise<void> {
  await once(socket, 'data');
}
export async function viaHelper(port: number): Promise<void> {
  const socket = net.connect(port);
  await waitData(socket);
}`,
      output: `import * as net from 'node:net';
import { once } from 'node:events';
async function waitData(socket: net.Socket): Promise<void> {
  await once(socket, 'data');
}
export async function viaHelper(port: number): Promise<void> {
  const socket = net.connect(port);
  try {
    await waitData(socket);
  } finally {
    socket.end();
  }
}`,
      errors: [{ messageId: 'leak', line: 7, column: 18 }],
    },
  ],
});

ruleTester.run('no-leaked-timer (real code)', noLeakedTimer, {
  valid: [
    {
      name: 'Review: a for await that yields to its consumer can be left by it',
      filename: 'file.ts',
      code: `import { setInterval as every } from 'node:timers/promises';
export async function* ticks(ms: number): AsyncGenerator<number> {
  for await (const at of every(ms, Date.now())) yield at;
}`,
    },
    {
      name: 'Cleared by a named abort callback handed out before the timeout starts (undici mock)',
      filename: 'file.ts',
      code: `export function dispatch(delay: number, onConnect: (abort: () => void) => void, reply: () => void): void {
  let timer: NodeJS.Timeout | null = null;
  function abort(): void {
    if (timer !== null) clearTimeout(timer);
  }
  onConnect(abort);
  if (delay > 0) {
    timer = setTimeout(() => {
      timer = null;
      reply();
    }, delay);
  } else {
    reply();
  }
}`,
    },
  ],
  invalid: [],
});

const fieldCases: RunTests<FieldMessageIds, FieldOptions> = {
  valid: [
    {
      name: 'A connection timeout kept in a field is a one-shot: it ends by itself (pg Client)',
      filename: 'file.ts',
      code: `export class Client {
  private connectionTimeoutHandle: NodeJS.Timeout | undefined;
  connect(timeoutMillis: number, onTimeout: () => void): void {
    this.connectionTimeoutHandle = setTimeout(onTimeout, timeoutMillis);
  }
  end(): void {
    console.log('ending');
  }
}`,
    },
    {
      name: 'Review: an overloaded disposal method is found through its implementation',
      filename: 'file.ts',
      code: `import { Agent } from 'undici';
export class Api {
  private agent = new Agent();
  close(): Promise<void>;
  close(callback: () => void): void;
  close(callback?: () => void): Promise<void> | void {
    return this.agent.close().then(callback);
  }
}`,
    },
    {
      name: 'Released through a getter that returns the field (vitest fork pool)',
      filename: 'file.ts',
      code: `import { fork, type ChildProcess } from 'node:child_process';
export class ForkWorker {
  private _fork: ChildProcess | undefined;
  get fork(): ChildProcess {
    return this._fork!;
  }
  start(entry: string): void {
    this._fork ||= fork(entry);
  }
  stop(): void {
    const child = this.fork;
    child.kill();
    this._fork = undefined;
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'Review: optional collection fields are released through `?? []`, so the fix cannot throw when unset',
      filename: 'file.ts',
      code: `import { Socket } from 'node:net';
import { Agent } from 'undici';
export class Peers {
  private conns?: Map<string, Socket>;
  private agents?: Agent[];
  open(id: string): void {
    this.conns ??= new Map();
    this.conns.set(id, new Socket());
    this.agents ??= [];
    this.agents.push(new Agent());
  }
  close(): void {
    console.log('closing');
  }
}`,
      // Both fixes insert at the end of close(): ESLint applies one per pass.
      output: [
        `import { Socket } from 'node:net';
import { Agent } from 'undici';
export class Peers {
  private conns?: Map<string, Socket>;
  private agents?: Agent[];
  open(id: string): void {
    this.conns ??= new Map();
    this.conns.set(id, new Socket());
    this.agents ??= [];
    this.agents.push(new Agent());
  }
  close(): void {
    console.log('closing');
    for (const item of this.conns?.values() ?? []) item.destroy();
  }
}`,
        `import { Socket } from 'node:net';
import { Agent } from 'undici';
export class Peers {
  private conns?: Map<string, Socket>;
  private agents?: Agent[];
  open(id: string): void {
    this.conns ??= new Map();
    this.conns.set(id, new Socket());
    this.agents ??= [];
    this.agents.push(new Agent());
  }
  close(): void {
    console.log('closing');
    for (const item of this.conns?.values() ?? []) item.destroy();
    void Promise.all(Array.from(this.agents ?? [], (item) => item.close()));
  }
}`,
      ],
      errors: [
        { messageId: 'notReleased', line: 8, column: 24 },
        { messageId: 'notReleased', line: 10, column: 22 },
      ],
    },
    {
      name: 'Review: no autofix when the disposal method can leave before its end or reassigns the field',
      filename: 'file.ts',
      code: `import { Agent } from 'undici';
export class Api {
  private agent = new Agent();
  private spare: Agent | null = new Agent();
  close(): void {
    this.spare = null;
    if (!process.env.GRACEFUL) return;
    console.log('closed');
  }
}`,
      output: null,
      errors: [
        { messageId: 'notReleased', line: 3, column: 19, suggestions: [] },
        { messageId: 'notReleased', line: 4, column: 33, suggestions: [] },
      ],
    },
    {
      name: 'A timeout that re-arms itself is a repeating timer, owned like an interval',
      filename: 'file.ts',
      code: `export class Poller {
  private timer: NodeJS.Timeout | undefined;
  tick(): void {
    this.timer = setTimeout(() => this.tick(), 1000);
  }
  stop(): void {
    console.log('stopped');
  }
}`,
      output: `export class Poller {
  private timer: NodeJS.Timeout | undefined;
  tick(): void {
    this.timer = setTimeout(() => this.tick(), 1000);
  }
  stop(): void {
    console.log('stopped');
    clearTimeout(this.timer);
  }
}`,
      errors: [
        {
          messageId: 'notReleased',
          line: 4,
          column: 18,
          data: { field: 'timer', resource: 'timeout', released: 'cleared', release: 'clear', disposals: '`stop()`' },
        },
      ],
    },
  ],
};

ruleTester.run('no-unreleased-field (real code)', noUnreleasedField, fieldCases);

describe('no-unreleased-field (real code) fix outputs', () => {
  for (const testCase of fieldCases.invalid) {
    const outputs = Array.isArray(testCase.output) ? testCase.output : testCase.output ? [testCase.output] : [];
    for (const [pass, output] of outputs.entries()) {
      it(`${testCase.name ?? testCase.code.slice(0, 40)}: pass ${pass + 1} type-checks`, () => {
        expect(typeErrorsIntroduced(testCase.code, output, testCase.filename)).toEqual([]);
      });
    }
  }
});

