// Rule tests for `leaks/no-unconsumed-body`: JavaScript (ESM with allowJs, CommonJS `require`) and TSX files.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-unconsumed-body.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

// `file.js` in the fixtures shares its base name with `file.ts`, so TypeScript leaves it out of the project;
// JavaScript modules are linted as `script.js` instead.
const JS = 'script.js';
const CJS = 'file.cjs';
const TSX = 'react.tsx';

const FETCH = {
  resource: 'fetch response',
  released: 'read or cancelled',
  consequence: 'its connection stays busy until the garbage collector gets to it',
  advice: 'Read it (`await res.json()`, `res.text()`, …) or cancel it (`await res.body?.cancel()`) on every path.',
};
const UNDICI = {
  resource: 'undici response',
  released: 'read or dumped',
  consequence: 'its connection stays busy and the pool runs dry',
  advice: 'Consume the body (`await body.json()`, `body.text()`, …) or discard it with `await body.dump()` on every path.',
};
const HTTP = {
  resource: 'http response',
  released: 'consumed or destroyed',
  consequence: 'its socket is never freed for the agent to reuse',
  advice: 'Consume it (`res.resume()`, a `data` listener, `pipe`, `for await`) or `res.destroy()` it on every path.',
};

const valid: ValidTestCase<Options>[] = [
  {
    name: 'JavaScript: incident 1, fixed',
    filename: JS,
    code: `export async function queryMetrics(url) {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(\`metrics backend answered \${res.status}\`);
  }
  return res.json();
}`,
  },
  {
    name: 'JavaScript: http.get resumes the response on the error path',
    filename: JS,
    code: `import * as http from 'node:http';

export function ping(url, done) {
  http.get(url, (res) => {
    res.resume();
    done(res.statusCode === 200);
  });
}`,
  },
  {
    name: 'JavaScript: undici body dumped',
    filename: JS,
    code: `import { request } from 'undici';

export async function health(url) {
  const { statusCode, body } = await request(url);
  await body.dump();
  return statusCode;
}`,
  },
  {
    name: 'JavaScript: a server handler is not a client response',
    filename: JS,
    code: `import * as http from 'node:http';

export const server = http.createServer((req, res) => {
  if (req.method !== 'GET') {
    res.statusCode = 405;
    res.end();
    return;
  }
  res.end('ok');
});`,
  },
  {
    name: 'CommonJS: undici required, body consumed',
    filename: CJS,
    code: `const { request } = require('undici');

async function report(url) {
  const { statusCode, body } = await request(url);
  if (statusCode !== 200) {
    body.destroy();
    return null;
  }
  return body.text();
}
module.exports = { report };`,
  },
  {
    name: 'TSX: an event handler that reads the response',
    filename: TSX,
    code: `export function Refresh({ url, onData }: { url: string; onData: (data: unknown) => void }) {
  const refresh = async () => {
    const res = await fetch(url);
    if (!res.ok) {
      await res.body?.cancel();
      return;
    }
    onData(await res.json());
  };
  return <button onClick={() => void refresh()}>Refresh</button>;
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'JavaScript: incident 1',
    filename: JS,
    code: `export async function queryMetrics(url) {
  const res = await fetch(url);
  if (!res.ok) return null;
  return res.json();
}`,
    output: `export async function queryMetrics(url) {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
    errors: [{ messageId: 'leak', line: 2, column: 21, data: { ...FETCH, name: 'res', path: 'when `queryMetrics()` returns at line 3' } }],
  },
  {
    name: 'JavaScript: an awaited fetch thrown away',
    filename: JS,
    code: `export async function ping(url) {
  await fetch(url, { method: 'POST' });
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 2, column: 9, data: { ...FETCH, how: 'not stored anywhere' } }],
  },
  {
    name: 'JavaScript: http.get whose non-200 branch returns early',
    filename: JS,
    code: `import * as http from 'node:http';

export function ping(url) {
  http.get(url, (res) => {
    if (res.statusCode !== 200) return;
    res.resume();
  });
}`,
    output: `import * as http from 'node:http';

export function ping(url) {
  http.get(url, (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      return;
    }
    res.resume();
  });
}`,
    errors: [{ messageId: 'leak', line: 4, column: 18, data: { ...HTTP, name: 'res', path: 'when the function returns at line 5' } }],
  },
  {
    name: 'JavaScript: undici, only the status code destructured',
    filename: JS,
    code: `import { request } from 'undici';

export async function health(url) {
  const { statusCode } = await request(url);
  return statusCode;
}`,
    output: null,
    errors: [{ messageId: 'discarded', line: 4, column: 32, data: { ...UNDICI, how: 'not stored anywhere' } }],
  },
  {
    name: 'JavaScript: an async wrapper is a source of responses',
    filename: JS,
    code: `async function api(path) {
  return fetch(\`http://metrics.internal:9090\${path}\`);
}

export async function panel(query) {
  const res = await api(\`/api/v1/query?query=\${query}\`);
  if (!res.ok) throw new Error('metrics backend down');
  return res.json();
}`,
    output: `async function api(path) {
  return fetch(\`http://metrics.internal:9090\${path}\`);
}

export async function panel(query) {
  const res = await api(\`/api/v1/query?query=\${query}\`);
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error('metrics backend down');
  }
  return res.json();
}`,
    errors: [{ messageId: 'leak', line: 6, column: 21, data: { ...FETCH, name: 'res', path: 'when `panel()` throws at line 7' } }],
  },
  {
    name: 'JavaScript: a JSDoc-typed plain wrapper is a source of responses',
    filename: JS,
    code: `/**
 * @param {string} path
 * @returns {Promise<Response>}
 */
function api(path) {
  return fetch(\`http://metrics.internal:9090\${path}\`);
}

export async function panel(query) {
  const res = await api(\`/api/v1/query?query=\${query}\`);
  if (!res.ok) throw new Error('metrics backend down');
  return res.json();
}`,
    output: `/**
 * @param {string} path
 * @returns {Promise<Response>}
 */
function api(path) {
  return fetch(\`http://metrics.internal:9090\${path}\`);
}

export async function panel(query) {
  const res = await api(\`/api/v1/query?query=\${query}\`);
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error('metrics backend down');
  }
  return res.json();
}`,
    errors: [{ messageId: 'leak', line: 10, column: 21, data: { ...FETCH, name: 'res', path: 'when `panel()` throws at line 11' } }],
  },
  {
    name: 'CommonJS: undici required, the error path throws',
    filename: CJS,
    code: `const { request } = require('undici');

async function health(url) {
  const { statusCode, body } = await request(url);
  if (statusCode >= 500) throw new Error('down');
  await body.dump();
  return statusCode;
}
module.exports = { health };`,
    output: `const { request } = require('undici');

async function health(url) {
  const { statusCode, body } = await request(url);
  if (statusCode >= 500) {
    await body.dump();
    throw new Error('down');
  }
  await body.dump();
  return statusCode;
}
module.exports = { health };`,
    errors: [{ messageId: 'leak', line: 4, column: 38, data: { ...UNDICI, name: 'request(…)', path: 'when `health()` throws at line 5' } }],
  },
  {
    name: 'CommonJS: http required, the callback only logs',
    filename: CJS,
    code: `const http = require('node:http');

function ping(url) {
  http.get(url, (res) => {
    console.log(res.statusCode);
  });
}
module.exports = { ping };`,
    output: `const http = require('node:http');

function ping(url) {
  http.get(url, (res) => {
    console.log(res.statusCode);
    res.resume();
  });
}
module.exports = { ping };`,
    errors: [{ messageId: 'leak', line: 4, column: 18, data: { ...HTTP, name: 'res', path: 'when the function ends at line 6' } }],
  },
  {
    name: 'TSX: an event handler that returns early without reading',
    filename: TSX,
    code: `export function Refresh({ url, onData }: { url: string; onData: (data: unknown) => void }) {
  const refresh = async () => {
    const res = await fetch(url);
    if (!res.ok) return;
    onData(await res.json());
  };
  return <button onClick={() => void refresh()}>Refresh</button>;
}`,
    output: `export function Refresh({ url, onData }: { url: string; onData: (data: unknown) => void }) {
  const refresh = async () => {
    const res = await fetch(url);
    if (!res.ok) {
      await res.body?.cancel();
      return;
    }
    onData(await res.json());
  };
  return <button onClick={() => void refresh()}>Refresh</button>;
}`,
    errors: [{ messageId: 'leak', line: 3, column: 23, data: { ...FETCH, name: 'res', path: 'when `refresh()` returns at line 4' } }],
  },
];

ruleTester.run('no-unconsumed-body (languages)', rule, { valid, invalid });
