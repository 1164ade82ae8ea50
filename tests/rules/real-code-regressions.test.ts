// Shapes reduced from public code on which the rules once reported falsely (or missed), kept so they stay fixed.
import noLeakedResource from '../../rules/no-leaked-resource.js';
import noLeakedTimer from '../../rules/no-leaked-timer.js';
import noUnconsumedBody from '../../rules/no-unconsumed-body.js';
import noUnreleasedField from '../../rules/no-unreleased-field.js';
import { createRuleTester } from '../rule-tester.js';

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

ruleTester.run('no-leaked-timer (real code)', noLeakedTimer, {
  valid: [
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

ruleTester.run('no-unreleased-field (real code)', noUnreleasedField, {
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
});
