// Rule tests for `leaks/no-leaked-timer`: where a timer lives — module scope (`checkModuleScope`), loop bodies, React effects in TSX.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-timer.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const TSX = 'react.tsx';
/** React's hook, declared so the TSX cases need no React types. */
const USE_EFFECT = `declare function useEffect(effect: () => void | (() => void), deps?: unknown[]): void;
`;

const INTERVAL = {
  resource: 'interval',
  released: 'cleared',
  advice: 'Clear it with `clearInterval()` on every path, or return or store the handle so an owner can.',
};
const INTERVAL_DISCARDED = { ...INTERVAL, how: 'not stored anywhere', consequence: 'it runs until the process exits' };
const MODULE_SCOPE: Options = [{ checkModuleScope: true }];

const valid: ValidTestCase<Options>[] = [
  {
    name: 'A module-scope interval lives for the process: not reported by default',
    code: `const heartbeat = setInterval(() => console.log('alive'), 60_000);
console.log(heartbeat.hasRef());`,
  },
  {
    name: 'A module-scope interval statement: not reported by default',
    code: `setInterval(() => console.log('alive'), 60_000);`,
  },
  {
    name: 'A module-scope `unref()`-ed interval: not reported by default',
    code: `setInterval(() => console.log('alive'), 60_000).unref();`,
  },
  {
    name: 'With checkModuleScope: a module-scope interval cleared on SIGTERM',
    options: MODULE_SCOPE,
    code: `const heartbeat = setInterval(() => console.log('alive'), 60_000);
process.once('SIGTERM', () => clearInterval(heartbeat));`,
  },
  {
    name: 'With checkModuleScope: an exported interval can be cleared by its importers',
    options: MODULE_SCOPE,
    code: `export const heartbeat = setInterval(() => console.log('alive'), 60_000);`,
  },
  {
    name: 'With checkModuleScope: a module-scope one-shot timeout',
    options: MODULE_SCOPE,
    code: `setTimeout(() => console.log('started'), 1_000);`,
  },
  {
    name: 'With checkModuleScope: an interval inside a function that clears it is still fine',
    options: MODULE_SCOPE,
    code: `export function sampleOnce(read: () => number): number {
  const sampler = setInterval(read, 100);
  clearInterval(sampler);
  return read();
}`,
  },
  {
    name: 'The previous interval is cleared before the next iteration replaces it',
    code: `export function restartEach(names: string[], check: (name: string) => void): void {
  let watcher: NodeJS.Timeout | undefined;
  for (const name of names) {
    clearInterval(watcher);
    watcher = setInterval(() => check(name), 1000);
  }
  clearInterval(watcher);
}`,
  },
  {
    name: 'A React effect that returns a cleanup clearing its interval',
    filename: TSX,
    code: `${USE_EFFECT}export function Clock({ onTick }: { onTick: () => void }) {
  useEffect(() => {
    const id = setInterval(onTick, 1000);
    return () => clearInterval(id);
  }, [onTick]);
  return <span>clock</span>;
}`,
  },
  {
    name: 'A React effect with a one-shot timeout',
    filename: TSX,
    code: `${USE_EFFECT}export function Toast({ onHide }: { onHide: () => void }) {
  useEffect(() => {
    setTimeout(onHide, 3000);
  }, [onHide]);
  return <span>saved</span>;
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'With checkModuleScope: a module-scope interval never cleared',
    options: MODULE_SCOPE,
    code: `const heartbeat = setInterval(() => console.log('alive'), 60_000);
console.log(heartbeat.hasRef());
`,
    output: null,
    errors: [{ messageId: 'leak', line: 1, column: 19, data: { ...INTERVAL, name: 'heartbeat', path: 'by the end of the module (line 3)' } }],
  },
  {
    name: 'With checkModuleScope: a module-scope interval statement',
    options: MODULE_SCOPE,
    code: `setInterval(() => console.log('alive'), 60_000);`,
    output: null,
    errors: [{ messageId: 'discarded', line: 1, column: 1, data: INTERVAL_DISCARDED }],
  },
  {
    name: 'With checkModuleScope: `unref()` does not clear a module-scope interval',
    options: MODULE_SCOPE,
    code: `setInterval(() => console.log('alive'), 60_000).unref();`,
    output: null,
    errors: [{ messageId: 'discarded', line: 1, column: 1, data: INTERVAL_DISCARDED }],
  },
  {
    name: 'A new interval on every loop iteration, dropped when its block ends',
    code: `export function watchAll(names: string[], check: (name: string) => void): void {
  for (const name of names) {
    const watcher = setInterval(() => check(name), 1000);
  }
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 21, data: { ...INTERVAL, name: 'watcher', path: 'when its block ends at line 4' } }],
  },
  {
    name: 'Each iteration overwrites the previous interval; only the last one is cleared',
    code: `export function restartEach(names: string[], check: (name: string) => void): void {
  let watcher: NodeJS.Timeout | undefined;
  for (const name of names) {
    watcher = setInterval(() => check(name), 1000);
  }
  clearInterval(watcher);
}`,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 4,
        column: 15,
        data: { ...INTERVAL, name: 'watcher', path: 'before the next loop iteration overwrites it (line 4)' },
      },
    ],
  },
  {
    name: 'A React effect that starts an interval and returns no cleanup',
    filename: TSX,
    code: `${USE_EFFECT}export function Clock({ onTick }: { onTick: () => void }) {
  useEffect(() => {
    const id = setInterval(onTick, 1000);
    console.log('started', id);
  }, [onTick]);
  return <span>clock</span>;
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 4, column: 16, data: { ...INTERVAL, name: 'id', path: 'when the function ends at line 6' } }],
  },
  {
    name: 'A React effect that drops its interval',
    filename: TSX,
    code: `${USE_EFFECT}export function Clock({ onTick }: { onTick: () => void }) {
  useEffect(() => {
    setInterval(onTick, 1000);
  }, [onTick]);
  return <span>clock</span>;
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 4, column: 5, data: INTERVAL_DISCARDED }],
  },
];

ruleTester.run('no-leaked-timer (scope)', rule, { valid, invalid });
