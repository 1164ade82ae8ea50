// Rule tests for `leaks/no-unended-response` on Express handlers (real @types/express 5): send, next() or throw on every path.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-unended-response.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** The shared tester enables JSX, so its default file is react.tsx: lint these cases as file.ts unless they name a file. */
const inTs = <T extends { filename?: string }>(test: T): T => ({ filename: 'file.ts', ...test });

const EXPRESS_RESPONSE = {
  name: 'res',
  resource: 'Express response',
  released: 'ended',
  consequence: 'the client waits on an open connection until it times out',
  advice: 'Send a response (`res.json()`, `res.sendStatus()`, `res.end()`, …) or call `next()` on every path.',
};

/** Each Express method that finishes a response, called on the only path of a handler. */
const finishingCalls = [
  "res.json({ ok: true })",
  "res.send('ok')",
  'res.end()',
  "res.redirect(302, '/login')",
  "res.render('home', { title: 'Home' })",
  "res.sendFile('/srv/static/index.html')",
  'res.sendStatus(204)',
  "res.download('/srv/exports/latest.csv', 'export.csv')",
  "res.status(404).json({ error: 'not found' })",
  "res.jsonp({ ok: true })",
];

const valid: ValidTestCase<Options>[] = [
  ...finishingCalls.map((call) => ({
    name: `\`${call}\` finishes the response`,
    code: `import express from 'express';
export const app = express();
app.get('/resource', (req, res) => {
  ${call};
});`,
  })),
  {
    name: 'Both branches respond: `res.status(404).json()` then return, or `res.json()`',
    code: `import express from 'express';
export function routes(findUser: (id: string) => { id: string } | undefined): express.Router {
  const router = express.Router();
  router.get('/users/:id', (req, res) => {
    const user = findUser(req.params.id);
    if (!user) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    res.json(user);
  });
  return router;
}`,
  },
  {
    name: '`return res.status(400).send(...)` on the validation path',
    code: `import express from 'express';
export const app = express();
app.post('/items', express.json(), (req, res) => {
  if (typeof req.body?.name !== 'string') return res.status(400).send('name is required');
  res.status(201).json({ name: req.body.name });
});`,
  },
  {
    name: 'Middleware: `next()` hands the response on to the next handler',
    code: `import type { NextFunction, Request, Response } from 'express';
export function requireUser(req: Request, res: Response, next: NextFunction): void {
  if (!req.headers.authorization) {
    res.sendStatus(401);
    return;
  }
  next();
}`,
  },
  {
    name: '`return next()` on the early path',
    code: `import express from 'express';
export const app = express();
app.use((req, res, next) => {
  if (req.method !== 'POST') return next();
  res.setHeader('x-write', '1');
  next();
});`,
  },
  {
    name: '`next(err)` in the catch of an async handler',
    code: `import express from 'express';
export function routes(load: (id: string) => Promise<object>): express.Router {
  const router = express.Router();
  router.get('/orders/:id', async (req, res, next) => {
    try {
      res.json(await load(req.params.id));
    } catch (error) {
      next(error);
    }
  });
  return router;
}`,
  },
  {
    name: 'Passing `next` on as an error callback hands the response on',
    code: `import express from 'express';
export function routes(load: (id: string) => Promise<object>): express.Router {
  const router = express.Router();
  router.get('/orders/:id', (req, res, next) => {
    load(req.params.id).then((order) => res.json(order), next);
  });
  return router;
}`,
  },
  {
    name: 'Passing `next` to a callback-style function hands the response on',
    code: `import express from 'express';
export function routes(authorize: (token: string, done: (error?: unknown) => void) => void): express.Router {
  const router = express.Router();
  router.use((req, res, next) => {
    authorize(req.get('authorization') ?? '', next);
  });
  return router;
}`,
  },
  {
    name: 'Returning a promise chain that responds or calls `next`',
    code: `import type { NextFunction, Request, Response } from 'express';
export function getOrder(load: (id: string) => Promise<object>) {
  return (req: Request, res: Response, next: NextFunction) =>
    load(String(req.params.id))
      .then((order) => res.json(order))
      .catch(next);
}`,
  },
  {
    name: 'An async handler that awaits, then responds',
    code: `import express from 'express';
export function routes(count: () => Promise<number>): express.Router {
  const router = express.Router();
  router.get('/count', async (req, res) => {
    const total = await count();
    res.json({ total });
  });
  return router;
}`,
  },
  {
    name: 'Express 5: returning a rejected promise is handed to the error handler',
    code: `import type { Request, Response } from 'express';
export function show(req: Request, res: Response): Promise<void> {
  if (!req.params.id) return Promise.reject(new Error('no id'));
  res.json({ id: req.params.id });
  return Promise.resolve();
}`,
  },
  {
    name: 'Express 5: `throw` in an async handler is handed to the error handler',
    code: `import express from 'express';
export function routes(findUser: (id: string) => Promise<object | undefined>): express.Router {
  const router = express.Router();
  router.get('/users/:id', async (req, res) => {
    const user = await findUser(req.params.id);
    if (!user) throw new Error(\`no user \${req.params.id}\`);
    res.json(user);
  });
  return router;
}`,
  },
  {
    name: 'A `throw` in a synchronous Express handler is caught by Express and handed to the error handler',
    code: `import express from 'express';
export const app = express();
app.get('/flags/:name', (req, res) => {
  if (!/^[a-z-]+$/.test(req.params.name)) throw new Error('bad flag name');
  res.json({ name: req.params.name, enabled: false });
});`,
  },
  {
    name: 'A helper in another file that sends a problem document on every path',
    code: `import express from 'express';
import { sendProblem } from './response-helpers.js';
export const app = express();
app.delete('/sessions/:id', (req, res) => {
  if (!req.params.id) {
    sendProblem(res, 400, 'missing session id');
    return;
  }
  res.sendStatus(204);
});`,
  },
  {
    name: 'A helper in the same file that responds on every path',
    code: `import express from 'express';
function notFound(res: express.Response, what: string): void {
  res.status(404).json({ error: \`\${what} not found\` });
}
export const app = express();
app.get('/teams/:id', (req, res) => {
  if (req.params.id !== 'core') return notFound(res, 'team');
  res.json({ id: 'core' });
});`,
  },
  {
    name: 'try/catch: the catch responds with 500',
    code: `import type { Request, Response } from 'express';
export async function listJobs(req: Request, res: Response, load: () => Promise<string[]>): Promise<void> {
  try {
    res.json(await load());
  } catch (error) {
    console.error(req.path, error);
    res.status(500).json({ error: 'internal error' });
  }
}`,
  },
  {
    name: 'Streaming with `res.write()` and a final `res.end()`',
    code: `import express from 'express';
export function routes(lines: () => AsyncIterable<string>): express.Router {
  const router = express.Router();
  router.get('/export', async (req, res) => {
    res.type('text/plain');
    for await (const line of lines()) res.write(\`\${line}\\n\`);
    res.end();
  });
  return router;
}`,
  },
  {
    name: 'Server-sent events: the response is kept in a registry that owns it',
    code: `import express from 'express';
const streams = new Map<string, express.Response>();
export const app = express();
app.get('/events/:client', (req, res) => {
  res.set({ 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
  streams.set(req.params.client, res);
  req.on('close', () => streams.delete(req.params.client));
});`,
  },
  {
    name: 'An error-handling middleware (err, req, res, next) that responds',
    code: `import type { NextFunction, Request, Response } from 'express';
export function errorHandler(err: Error, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) {
    next(err);
    return;
  }
  res.status(500).json({ error: err.message });
}`,
  },
  {
    name: 'A function that only takes an Express response is not a handler',
    code: `import type { Response } from 'express';
export function cacheFor(res: Response, seconds: number): void {
  if (seconds <= 0) return;
  res.set('cache-control', \`max-age=\${seconds}\`);
}`,
  },
  {
    name: 'Express: `stream.pipe(res)` finishes the response',
    code: `import express from 'express';
import { createReadStream } from 'node:fs';
export const app = express();
app.get('/logs', (req, res) => {
  res.type('text/plain');
  createReadStream('/var/log/app.log').pipe(res);
});`,
  },
  {
    name: '.js: an Express handler that responds on every path',
    filename: 'script.js',
    code: `import express from 'express';
export const app = express();
app.get('/ping', (req, res) => {
  if (req.query.verbose) {
    res.json({ pong: true, at: Date.now() });
    return;
  }
  res.send('pong');
});`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'An early return after a failed lookup',
    code: `import express from 'express';
export function routes(findUser: (id: string) => { id: string } | undefined): express.Router {
  const router = express.Router();
  router.get('/users/:id', (req, res) => {
    const user = findUser(req.params.id);
    if (!user) {
      return;
    }
    res.json(user);
  });
  return router;
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 7, column: 7, data: { ...EXPRESS_RESPONSE, path: 'when the function returns at line 7 (after `if (!user)`)' } }],
  },
  {
    name: '`res.status(404)` alone only sets the status',
    code: `import express from 'express';
export const app = express();
app.get('/users/:id', (req, res) => {
  if (req.params.id === 'me') {
    res.status(404);
    return;
  }
  res.json({ id: req.params.id });
});`,
    output: null,
    errors: [{ messageId: 'leak', line: 6, column: 5, data: { ...EXPRESS_RESPONSE, path: "when the function returns at line 6 (after `if (req.params.id === 'me')`)" } }],
  },
  {
    name: 'A catch that logs and forgets to respond or call next',
    code: `import type { Request, Response } from 'express';
export async function listJobs(req: Request, res: Response, load: () => Promise<string[]>): Promise<void> {
  try {
    res.json(await load());
  } catch (error) {
    console.error(error);
  }
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 46, data: { ...EXPRESS_RESPONSE, path: 'when `listJobs()` ends at line 8' } }],
  },
  {
    name: 'A catch that returns without responding',
    code: `import type { Request, Response } from 'express';
export async function listJobs(req: Request, res: Response, load: () => Promise<string[]>): Promise<void> {
  let jobs: string[];
  try {
    jobs = await load();
  } catch (error) {
    console.error(error);
    return;
  }
  res.json(jobs);
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 8, column: 5, data: { ...EXPRESS_RESPONSE, path: 'when `listJobs()` returns at line 8' } }],
  },
  {
    name: 'An async handler that returns early after an await',
    code: `import express from 'express';
export function routes(isOpen: (id: string) => Promise<boolean>): express.Router {
  const router = express.Router();
  router.post('/tickets/:id/close', async (req, res) => {
    if (!(await isOpen(req.params.id))) return;
    res.sendStatus(204);
  });
  return router;
}`,
    output: null,
    errors: [
      {
        messageId: 'leak',
        line: 5,
        column: 41,
        data: { ...EXPRESS_RESPONSE, path: 'when the function returns at line 5 (after `if (!(await isOpen(req.params.id)))`)' },
      },
    ],
  },
  {
    name: 'Middleware that calls `next()` on one path only and falls off its end on the other',
    code: `import type { NextFunction, Request, Response } from 'express';
export function requireUser(req: Request, res: Response, next: NextFunction): void {
  if (req.headers.authorization) {
    next();
  }
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 2, column: 43, data: { ...EXPRESS_RESPONSE, path: 'when `requireUser()` ends at line 6 (after `if (req.headers.authorization)`)' } }],
  },
  {
    name: 'A typed handler (req: Request, res: Response) that returns early',
    code: `import type { Request, Response } from 'express';
export function getUser(req: Request, res: Response): void {
  const id = req.params.id;
  if (!id) return;
  res.json({ id });
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 4, column: 12, data: { ...EXPRESS_RESPONSE, path: 'when `getUser()` returns at line 4 (after `if (!id)`)' } }],
  },
  {
    name: 'A helper in another file that only sets a header',
    code: `import express from 'express';
import { noStore } from './response-helpers.js';
export const app = express();
app.get('/me', (req, res) => {
  noStore(res);
  if (!req.headers.cookie) return;
  res.json({ cookie: req.headers.cookie });
});`,
    output: null,
    errors: [{ messageId: 'leak', line: 6, column: 28, data: { ...EXPRESS_RESPONSE, path: 'when the function returns at line 6 (after `if (!req.headers.cookie)`)' } }],
  },
  {
    name: 'A helper in the same file that sends only when there is something to send',
    code: `import express from 'express';
function sendIfAny(res: express.Response, items: string[]): void {
  if (items.length > 0) res.json(items);
}
export const app = express();
app.get('/tags', (req, res) => {
  sendIfAny(res, String(req.query.tags).split(','));
});`,
    output: null,
    errors: [{ messageId: 'leak', line: 6, column: 24, data: { ...EXPRESS_RESPONSE, path: 'when the function ends at line 8' } }],
  },
  {
    name: 'Headers and a status are set, and nothing is ever sent',
    code: `import express from 'express';
export const app = express();
app.get('/download', (req, res) => {
  res.status(200);
  res.type('application/octet-stream');
  res.set('content-disposition', 'attachment');
});`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 28, data: { ...EXPRESS_RESPONSE, path: 'when the function ends at line 7' } }],
  },
  {
    name: 'A return inside try, where only the catch responds',
    code: `import type { Request, Response } from 'express';
export async function getReport(req: Request, res: Response, build: (id: string) => Promise<string | null>): Promise<void> {
  try {
    const report = await build(String(req.query.id));
    if (report === null) return;
    res.type('text/csv').send(report);
  } catch {
    res.sendStatus(500);
  }
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 5, column: 26, data: { ...EXPRESS_RESPONSE, path: 'when `getReport()` returns at line 5 (after `if (report === null)`)' } }],
  },
  {
    name: 'A streaming Express response that writes but never ends',
    code: `import express from 'express';
export function routes(lines: () => AsyncIterable<string>): express.Router {
  const router = express.Router();
  router.get('/export', async (req, res) => {
    for await (const line of lines()) res.write(\`\${line}\\n\`);
  });
  return router;
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 4, column: 37, data: { ...EXPRESS_RESPONSE, path: 'when the function ends at line 6' } }],
  },
  {
    name: 'Returning a promise chain that neither responds nor calls next',
    code: `import type { Request, Response } from 'express';
export function touch(req: Request, res: Response, save: (id: string) => Promise<void>): Promise<void> {
  return save(String(req.query.id)).then(() => {
    console.log('saved');
  });
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 3, data: { ...EXPRESS_RESPONSE, path: 'when `touch()` returns at line 3' } }],
  },
  {
    name: 'An error-handling middleware that returns early without responding or calling next',
    code: `import type { NextFunction, Request, Response } from 'express';
export function errorHandler(err: Error, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return;
  res.status(500).json({ error: err.message });
}`,
    output: null,
    errors: [{ messageId: 'leak', line: 3, column: 24, data: { ...EXPRESS_RESPONSE, path: 'when `errorHandler()` returns at line 3 (after `if (res.headersSent)`)' } }],
  },
  {
    name: '.js: an Express handler with an early return',
    filename: 'script.js',
    code: `import express from 'express';
export const app = express();
app.get('/ping', (req, res) => {
  if (req.query.quiet) return;
  res.send('pong');
});`,
    output: null,
    errors: [{ messageId: 'leak', line: 4, column: 24, data: { ...EXPRESS_RESPONSE, path: 'when the function returns at line 4 (after `if (req.query.quiet)`)' } }],
  },
];

ruleTester.run('no-unended-response (Express)', rule, { valid: valid.map(inTs), invalid: invalid.map(inTs) });
