// The built-in resource catalog: which library types hold an OS handle or a connection, and how each is released.
import type { TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import type { CallRule, ResourceKind } from './types.js';

const node = (module: string, name: string | string[]): TypeOrValueSpecifier => ({ from: 'package', package: module, name });

const CLOSE = { base: 'close', past: 'closed' };
const DESTROY = { base: 'destroy', past: 'destroyed' };
const END = { base: 'end', past: 'ended' };

/**
 * Ordered: a type is matched against every entry before its base types are, so subclasses that are released
 * differently (pg's PoolClient, a Client that must be `release()`d) come first only by being more specific.
 */
export const BUILTIN_RESOURCES: ResourceKind[] = [
  // ---- node:net / node:tls
  {
    id: 'node:tls.TLSSocket',
    emitsErrors: true,
    label: 'tls.TLSSocket',
    category: 'resource',
    types: [node('tls', 'TLSSocket')],
    release: ['destroy', 'end', 'destroySoon', 'resetAndDestroy'],
    // Fixes end it, which flushes what was written; destroy() (and [Symbol.asyncDispose]) would drop it.
    fixRelease: { expression: '$.end()', async: false },
    noUsing: true,
    verb: DESTROY,
    advice: 'End or destroy it on every path, or hand it to an owner.',
  },
  {
    id: 'node:net.Socket',
    emitsErrors: true,
    label: 'net.Socket',
    category: 'resource',
    types: [node('net', 'Socket')],
    release: ['destroy', 'end', 'destroySoon', 'resetAndDestroy'],
    // `for await (const chunk of socket)`: leaving the loop early destroys it; reading it to the end ends it (a
    // socket that is not half-open ends its side when the peer's ends, and then is destroyed).
    releasedByIteration: true,
    // Fixes end it, which flushes what was written; destroy() (and [Symbol.asyncDispose]) would drop it.
    fixRelease: { expression: '$.end()', async: false },
    noUsing: true,
    verb: DESTROY,
    advice: 'End or destroy it on every path, or hand it to an owner.',
  },
  {
    id: 'node:http.Server',
    label: 'http.Server',
    category: 'resource',
    types: [node('http', 'Server'), node('https', 'Server'), node('http2', ['Http2Server', 'Http2SecureServer'])],
    release: ['close', 'closeAllConnections'],
    handoffMethods: ['listen'],
    // A server object holds no handle until it listens (and then serves for the life of the process).
    lazy: true,
    opensWith: ['listen'],
    handoffEvents: ['request', 'connection', 'stream', 'session', 'secureConnection'],
    verb: CLOSE,
    advice: 'Close it, or start it listening so that it serves for the life of the process.',
  },
  {
    id: 'node:net.Server',
    label: 'net.Server',
    category: 'resource',
    types: [node('tls', 'Server'), node('net', 'Server')],
    release: ['close'],
    handoffMethods: ['listen'],
    // A server object holds no handle until it listens (and then serves for the life of the process).
    lazy: true,
    opensWith: ['listen'],
    handoffEvents: ['connection', 'secureConnection'],
    verb: CLOSE,
    advice: 'Close it, or start it listening so that it serves for the life of the process.',
  },
  {
    id: 'node:http2.ClientHttp2Session',
    label: 'http2 session',
    category: 'resource',
    types: [node('http2', ['ClientHttp2Session', 'ServerHttp2Session', 'Http2Session'])],
    release: ['close', 'destroy'],
    verb: CLOSE,
    advice: 'Close it when its requests are done.',
  },
  {
    id: 'node:http2.ClientHttp2Stream',
    emitsErrors: true,
    label: 'http2 stream',
    category: 'resource',
    types: [node('http2', 'ClientHttp2Stream')],
    release: ['close', 'destroy', 'end', 'resume', 'pipe'],
    releaseEvents: ['data'],
    releasedByIteration: true,
    verb: CLOSE,
    advice: 'Read it to the end or close it on every path.',
  },
  {
    id: 'node:http.Agent',
    label: 'http.Agent',
    category: 'resource',
    types: [node('https', 'Agent'), node('http', 'Agent')],
    release: ['destroy'],
    pooling: true,
    lazy: true,
    verb: DESTROY,
    advice: 'Create one agent and reuse it, or destroy it when you are done with it.',
  },
  {
    id: 'node:dgram.Socket',
    emitsErrors: true,
    label: 'dgram.Socket',
    category: 'resource',
    types: [node('dgram', 'Socket')],
    release: ['close', 'disconnect'],
    // send() resolves the host and binds in the background: closing right after it drops the datagram.
    fixAfterWait: true,
    handoffMethods: ['bind'],
    verb: CLOSE,
    advice: 'Close it on every path, or hand it to an owner.',
  },
  // ---- node:fs
  {
    id: 'node:fs.promises.FileHandle',
    label: 'FileHandle',
    category: 'resource',
    types: [node('fs/promises', 'FileHandle')],
    release: ['close'],
    // `createReadStream(path, { fd: handle.fd })` takes the descriptor over (and closes it when done: autoClose).
    descriptor: 'fd',
    verb: CLOSE,
    advice: 'Close it in a `finally` block, or declare it with `await using`.',
  },
  {
    // A numeric descriptor from `fs.openSync()`: nothing but `closeSync(fd)`/`close(fd)` (or a stream given it in
    // `{ fd }`, which closes it when done) gives it back.
    id: 'node:fs.fd',
    label: 'file descriptor',
    category: 'resource',
    types: [],
    acquiredByCall: [node('fs', 'openSync')],
    release: [],
    // The fix would have to name `closeSync` as the file imports it: reports only.
    noFix: true,
    verb: CLOSE,
    advice: 'Close it with `closeSync(fd)` in a `finally` block, or hand it to a stream (`createReadStream(path, { fd })`).',
  },
  {
    id: 'node:fs.ReadStream',
    emitsErrors: true,
    label: 'fs.ReadStream',
    category: 'resource',
    types: [node('fs', 'ReadStream')],
    release: ['close', 'destroy', 'resume', 'pipe'],
    releaseEvents: ['data'],
    releasedByIteration: true,
    releasedByPipe: true,
    verb: CLOSE,
    advice: 'Read it to the end (pipe, pipeline, `for await`) or destroy it on every path.',
  },
  {
    id: 'node:fs.WriteStream',
    emitsErrors: true,
    label: 'fs.WriteStream',
    category: 'resource',
    types: [node('fs', 'WriteStream')],
    release: ['end', 'close', 'destroy'],
    // Its [Symbol.asyncDispose] destroys it, dropping writes not yet flushed; `end()` flushes them.
    noUsing: true,
    verb: END,
    advice: 'End it on every path, or pass it to `pipeline()`.',
  },
  {
    id: 'node:fs.FSWatcher',
    label: 'fs.FSWatcher',
    category: 'resource',
    // StatWatcher (`fs.watchFile`) is stopped by file name with `fs.unwatchFile(path)`, not through the handle.
    types: [node('fs', 'FSWatcher')],
    release: ['close'],
    verb: CLOSE,
    advice: 'Close it when you stop watching.',
  },
  {
    id: 'node:fs.Dir',
    label: 'fs.Dir',
    category: 'resource',
    types: [node('fs', 'Dir')],
    createdBy: ['opendir', 'opendirSync'],
    release: ['close', 'closeSync'],
    releasedByIteration: true,
    verb: CLOSE,
    advice: 'Close it, or iterate it to the end with `for await`.',
  },
  // ---- node: other modules
  {
    id: 'node:readline.Interface',
    label: 'readline.Interface',
    category: 'resource',
    types: [node('readline', 'Interface'), node('readline/promises', 'Interface')],
    release: ['close'],
    // It closes itself when its input ends; code that waits for 'close' has seen it end.
    releaseEvents: ['close'],
    releasedByIteration: true,
    verb: CLOSE,
    advice: 'Close it on every path, or read it to the end with `for await`.',
  },
  {
    id: 'node:worker_threads.Worker',
    label: 'Worker',
    category: 'resource',
    types: [node('worker_threads', 'Worker')],
    release: ['terminate'],
    // Its release (kill, terminate) aborts the work it was started for: fixes never insert it.
    noFix: true,
    releaseEvents: ['exit', 'error'],
    verb: { base: 'terminate', past: 'terminated' },
    advice: "Terminate it, or wait for its 'exit' event.",
  },
  {
    id: 'node:worker_threads.MessagePort',
    label: 'MessagePort',
    category: 'resource',
    types: [node('worker_threads', ['MessagePort', 'BroadcastChannel'])],
    release: ['close'],
    verb: CLOSE,
    advice: 'Close it when the conversation is over.',
  },
  {
    id: 'node:child_process.ChildProcess',
    emitsErrors: true,
    label: 'child process',
    category: 'resource',
    types: [node('child_process', 'ChildProcess')],
    release: ['kill', 'unref', 'disconnect'],
    // Its release (kill, terminate) aborts the work it was started for: fixes never insert it.
    noFix: true,
    // 'error' fires only when spawning or killing fails; a child that runs normally never emits it.
    releaseEvents: ['exit', 'close'],
    // `exec`/`execFile` report completion to their callback; only processes whose end nobody observes leak.
    acquiredBy: [node('child_process', ['spawn', 'fork'])],
    // `process.kill(pid)` ends it: whoever is given its pid can.
    descriptor: 'pid',
    verb: { base: 'kill', past: 'killed or waited for' },
    advice: "Wait for its 'exit' event (or `once(child, 'exit')`), or kill it on every path.",
  },
  // ---- undici
  {
    id: 'undici:Client',
    label: 'undici {name}',
    category: 'resource',
    types: [{ from: 'package', package: 'undici', name: ['Client', 'Pool', 'BalancedPool', 'Agent', 'ProxyAgent', 'RetryAgent', 'EnvHttpProxyAgent'] }],
    release: ['close', 'destroy'],
    pooling: true,
    lazy: true,
    verb: CLOSE,
    advice: 'Create one client and reuse it, or close it when you are done with it.',
  },
  // ---- WebSockets and other web globals
  {
    id: 'ws:WebSocketServer',
    label: 'WebSocketServer',
    category: 'resource',
    types: [{ from: 'package', package: 'ws', name: ['Server', 'WebSocketServer'] }],
    release: ['close'],
    handoffEvents: ['connection'],
    verb: CLOSE,
    advice: 'Close it, or keep it for the life of the process.',
  },
  {
    id: 'ws:WebSocket',
    emitsErrors: true,
    label: 'WebSocket',
    category: 'resource',
    types: [
      { from: 'package', package: 'ws', name: 'WebSocket' },
      { from: 'package', package: 'undici', name: 'WebSocket' },
      { from: 'package', package: 'undici-types', name: 'WebSocket' },
      { from: 'package', package: 'node', name: 'WebSocket' },
      { from: 'lib', name: 'WebSocket' },
    ],
    release: ['close', 'terminate'],
    // close() while it is still connecting aborts the handshake with an 'error' event that may have no listener.
    fixAfterWait: true,
    verb: CLOSE,
    advice: 'Close it on every path, or hand it to an owner.',
  },
  {
    id: 'web:EventSource',
    label: 'EventSource',
    category: 'resource',
    types: [
      { from: 'package', package: 'undici', name: 'EventSource' },
      { from: 'package', package: 'undici-types', name: 'EventSource' },
      { from: 'package', package: 'node', name: 'EventSource' },
      { from: 'lib', name: 'EventSource' },
    ],
    release: ['close'],
    verb: CLOSE,
    advice: 'Close it when you stop listening.',
  },
  {
    id: 'web:BroadcastChannel',
    label: 'BroadcastChannel',
    category: 'resource',
    types: [{ from: 'package', package: 'node', name: 'BroadcastChannel' }, { from: 'lib', name: 'BroadcastChannel' }],
    release: ['close'],
    verb: CLOSE,
    advice: 'Close it when you stop listening.',
  },
  // ---- database clients (only when their types resolve in the linted program)
  {
    id: 'pg:PoolClient',
    label: 'pg PoolClient',
    category: 'resource',
    types: [{ from: 'package', package: 'pg', name: 'PoolClient' }],
    release: ['release'],
    verb: { base: 'release', past: 'released' },
    advice: 'Call `client.release()` in a `finally` block so the connection goes back to the pool.',
  },
  {
    id: 'pg:Client',
    label: 'pg {name}',
    category: 'resource',
    types: [{ from: 'package', package: 'pg', name: ['Client', 'Pool'] }],
    release: ['end'],
    pooling: true,
    lazy: true,
    verb: END,
    advice: 'Create one pool and reuse it, or end it when you are done with it.',
  },
  {
    id: 'mysql2:PoolConnection',
    label: 'mysql2 PoolConnection',
    category: 'resource',
    types: [{ from: 'package', package: 'mysql2', name: 'PoolConnection' }],
    release: ['release', 'destroy'],
    createdBy: ['getConnection'],
    verb: { base: 'release', past: 'released' },
    advice: 'Call `connection.release()` in a `finally` block so it goes back to the pool.',
  },
  {
    id: 'mysql2:Connection',
    label: 'mysql2 {name}',
    category: 'resource',
    types: [{ from: 'package', package: 'mysql2', name: ['Connection', 'Pool', 'PoolCluster'] }],
    release: ['end', 'destroy'],
    pooling: true,
    verb: END,
    advice: 'Create one pool and reuse it, or end it when you are done with it.',
  },
  {
    id: 'ioredis:Redis',
    label: 'Redis client',
    category: 'resource',
    types: [
      { from: 'package', package: 'ioredis', name: ['Redis', 'Cluster'] },
      { from: 'package', package: '@redis/client', name: ['RedisClientType', 'RedisClient', 'RedisClusterType'] },
    ],
    release: ['quit', 'disconnect', 'close', 'destroy'],
    pooling: true,
    verb: { base: 'close', past: 'closed' },
    advice: 'Create one client and reuse it, or quit it when you are done with it.',
  },
  // ---- other third-party clients, matched only when their own types resolve (never dependencies of the plugin)
  {
    id: 'chokidar:FSWatcher',
    emitsErrors: true,
    label: 'chokidar FSWatcher',
    category: 'resource',
    types: [{ from: 'package', package: 'chokidar', name: 'FSWatcher' }],
    release: ['close'],
    verb: CLOSE,
    advice: 'Close it when you stop watching, or keep it for the life of the process.',
  },
  {
    // Each opens its own Redis connections.
    id: 'bullmq:QueueBase',
    label: 'bullmq {name}',
    category: 'resource',
    types: [{ from: 'package', package: 'bullmq', name: ['Queue', 'QueueEvents', 'FlowProducer', 'JobScheduler'] }],
    release: ['close', 'disconnect'],
    pooling: true,
    verb: CLOSE,
    advice: 'Create one and reuse it, or close it when you are done with it.',
  },
  {
    // `new Worker(queue, processor)` starts processing at once and serves for the life of the process, like a server
    // that listens: created, it is handed to the event loop (so a constructed one is tracked neither in a local nor in
    // a field; one a factory of the program returns still is).
    id: 'bullmq:Worker',
    label: 'bullmq Worker',
    category: 'resource',
    types: [{ from: 'package', package: 'bullmq', name: 'Worker' }],
    release: ['close', 'disconnect'],
    notByConstructor: true,
    verb: CLOSE,
    advice: 'Close it when its owner stops.',
  },
  {
    id: 'mongodb:MongoClient',
    label: 'MongoClient',
    category: 'resource',
    types: [{ from: 'package', package: 'mongodb', name: 'MongoClient' }],
    release: ['close'],
    pooling: true,
    // It connects on `connect()` or its first operation.
    lazy: true,
    verb: CLOSE,
    advice: 'Create one client and reuse it, or close it when you are done with it.',
  },
  {
    id: 'mongodb:ChangeStream',
    label: 'mongodb ChangeStream',
    category: 'resource',
    types: [{ from: 'package', package: 'mongodb', name: 'ChangeStream' }],
    release: ['close'],
    verb: CLOSE,
    advice: 'Close it when you stop watching.',
  },
  {
    id: 'kafkajs:Client',
    label: 'kafkajs {name}',
    category: 'resource',
    types: [{ from: 'package', package: 'kafkajs', name: ['Producer', 'Consumer', 'Admin'] }],
    createdBy: ['producer', 'consumer', 'admin'],
    release: ['disconnect'],
    // A consumer that runs serves for the life of the process, like a server that listens.
    handoffMethods: ['run'],
    pooling: true,
    lazy: true,
    opensWith: ['connect'],
    verb: { base: 'disconnect', past: 'disconnected' },
    advice: 'Create one and reuse it, or disconnect it when you are done with it.',
  },
  {
    id: 'amqplib:ChannelModel',
    label: 'amqplib connection',
    category: 'resource',
    types: [{ from: 'package', package: 'amqplib', name: ['ChannelModel', 'RecoveringChannelModel'] }],
    release: ['close'],
    pooling: true,
    verb: CLOSE,
    advice: 'Create one connection and reuse it, or close it when you are done with it.',
  },
  {
    id: 'amqplib:Channel',
    label: 'amqplib {name}',
    category: 'resource',
    types: [{ from: 'package', package: 'amqplib', name: ['Channel', 'ConfirmChannel'] }],
    release: ['close'],
    madeBy: ['amqplib:ChannelModel'],
    verb: CLOSE,
    advice: 'Close it when you are done with it, or keep it for the life of its connection.',
  },
  {
    id: 'nats:NatsConnection',
    label: 'NATS connection',
    category: 'resource',
    types: [{ from: 'package', package: 'nats', name: 'NatsConnection' }],
    release: ['close', 'drain'],
    pooling: true,
    verb: CLOSE,
    advice: 'Create one connection and reuse it, or drain or close it when you are done with it.',
  },
  {
    id: 'mqtt:MqttClient',
    emitsErrors: true,
    label: 'MqttClient',
    category: 'resource',
    types: [{ from: 'package', package: 'mqtt', name: 'MqttClient' }],
    release: ['end', 'endAsync'],
    // A client that subscribes, or listens for messages, serves for the life of the process.
    handoffMethods: ['subscribe', 'subscribeAsync'],
    handoffEvents: ['message'],
    pooling: true,
    verb: END,
    advice: 'Create one client and reuse it, or end it when you are done with it.',
  },
  {
    id: 'browser:Browser',
    label: '{name}',
    category: 'resource',
    types: [
      { from: 'package', package: 'puppeteer-core', name: 'Browser' },
      { from: 'package', package: 'puppeteer', name: 'Browser' },
      { from: 'package', package: 'playwright-core', name: 'Browser' },
      { from: 'package', package: 'playwright', name: 'Browser' },
    ],
    // `puppeteer.connect()` attaches to a browser someone else runs: disconnecting is its release.
    release: ['close', 'disconnect'],
    pooling: true,
    verb: CLOSE,
    advice: 'Launch one browser and reuse it, or close it in a `finally` block.',
  },
  {
    id: 'browser:Page',
    label: '{name}',
    category: 'resource',
    types: [
      { from: 'package', package: 'puppeteer-core', name: ['Page', 'BrowserContext'] },
      { from: 'package', package: 'puppeteer', name: ['Page', 'BrowserContext'] },
      { from: 'package', package: 'playwright-core', name: ['Page', 'BrowserContext'] },
      { from: 'package', package: 'playwright', name: ['Page', 'BrowserContext'] },
    ],
    release: ['close'],
    madeBy: ['browser:Browser', 'browser:Page'],
    verb: CLOSE,
    advice: 'Close it in a `finally` block, or hand it to an owner.',
  },
  {
    id: 'knex:Knex',
    label: 'knex instance',
    category: 'resource',
    types: [{ from: 'package', package: 'knex', name: 'Knex' }],
    // `knex(config)` builds a connection pool.
    createdBy: ['knex', 'Knex'],
    release: ['destroy'],
    pooling: true,
    lazy: true,
    verb: DESTROY,
    advice: 'Create one instance and reuse it, or destroy it when you are done with it.',
  },
  {
    id: 'typeorm:DataSource',
    label: 'typeorm DataSource',
    category: 'resource',
    types: [{ from: 'package', package: 'typeorm', name: ['DataSource', 'Connection'] }],
    release: ['destroy', 'close'],
    pooling: true,
    lazy: true,
    opensWith: ['initialize', 'connect'],
    verb: DESTROY,
    advice: 'Create one data source and reuse it, or destroy it when you are done with it.',
  },
  {
    id: 'typeorm:QueryRunner',
    label: 'typeorm QueryRunner',
    category: 'resource',
    types: [{ from: 'package', package: 'typeorm', name: 'QueryRunner' }],
    release: ['release'],
    madeBy: ['typeorm:DataSource'],
    verb: { base: 'release', past: 'released' },
    advice: 'Call `queryRunner.release()` in a `finally` block so its connection goes back to the pool.',
  },
  {
    id: 'sequelize:Sequelize',
    label: 'Sequelize instance',
    category: 'resource',
    types: [{ from: 'package', package: 'sequelize', name: 'Sequelize' }],
    release: ['close'],
    pooling: true,
    lazy: true,
    verb: CLOSE,
    advice: 'Create one instance and reuse it, or close it when you are done with it.',
  },
  {
    id: 'ssh2:Client',
    emitsErrors: true,
    label: 'ssh2 Client',
    category: 'resource',
    types: [{ from: 'package', package: 'ssh2', name: 'Client' }],
    release: ['end', 'destroy'],
    lazy: true,
    opensWith: ['connect'],
    verb: END,
    advice: 'End it when you are done with it, on every path.',
  },
];

const timerFunctions = (name: string): TypeOrValueSpecifier[] => [
  node('timers', name), // the globals, `node:timers` imports and `globalThis.` forms
  { from: 'lib', name }, // DOM `setInterval` and `window.setInterval`, returning number handles
];

/** Timers, for `no-leaked-timer`. Cleared by `clearInterval`/`clearTimeout` (see CALL_RULES), `close()` or dispose. */
export const TIMERS: ResourceKind[] = [
  {
    id: 'timer:interval',
    label: 'interval',
    category: 'timer',
    types: [],
    acquiredByCall: timerFunctions('setInterval'),
    release: ['close'],
    releaseFunction: 'clearInterval',
    verb: { base: 'clear', past: 'cleared' },
    consequence: 'it runs until the process exits',
    advice: 'Clear it with `clearInterval()` on every path, or return or store the handle so an owner can.',
  },
  {
    id: 'timer:timeout',
    label: 'timeout',
    category: 'timer',
    types: [],
    acquiredByCall: timerFunctions('setTimeout'),
    release: ['close'],
    releaseFunction: 'clearTimeout',
    oneShot: true,
    verb: { base: 'clear', past: 'cleared' },
    consequence: 'it holds its closure and keeps the event loop alive for the whole delay',
    advice: 'Clear it with `clearTimeout()` on every path once the work it guards is done.',
  },
  {
    id: 'timer:interval-iterator',
    label: 'timers/promises interval',
    category: 'timer',
    types: [],
    acquiredByCall: [node('timers/promises', 'setInterval')],
    release: ['return'],
    releasedByIteration: true,
    endless: true,
    verb: { base: 'finish', past: 'finished' },
    consequence: 'its timer runs until the process exits',
    advice: 'Iterate it with `for await` (leave with `break` or an abort `signal`), or call `return()` on it.',
  },
];

/** HTTP responses, for `no-unconsumed-body`: a body nobody reads or cancels keeps its connection busy. */
export const RESPONSES: ResourceKind[] = [
  {
    id: 'web:Response',
    label: 'fetch response',
    category: 'response',
    types: [
      { from: 'package', package: 'undici', name: 'Response' },
      { from: 'package', package: 'undici-types', name: 'Response' },
      { from: 'package', package: 'node', name: 'Response' },
      { from: 'lib', name: 'Response' },
    ],
    release: ['json', 'text', 'arrayBuffer', 'blob', 'formData', 'bytes'],
    body: { property: 'body', release: ['cancel', 'getReader', 'pipeTo', 'pipeThrough', 'tee'], fixRelease: { expression: '$?.cancel()', async: true } },
    fixRelease: { expression: '$.body?.cancel()', async: true },
    // A `new Response(…)` built in memory holds no connection; any call that returns one (fetch, a client's
    // method, a wrapper) does.
    notByConstructor: true,
    mayHaveNoBody: true,
    verb: { base: 'read', past: 'read or cancelled' },
    consequence: 'its connection stays busy until the garbage collector gets to it',
    advice: 'Read it (`await res.json()`, `res.text()`, …) or cancel it (`await res.body?.cancel()`) on every path.',
  },
  {
    id: 'undici:ResponseData',
    label: 'undici response',
    category: 'response',
    types: [{ from: 'package', package: 'undici', name: 'ResponseData' }, { from: 'package', package: 'undici-types', name: 'ResponseData' }],
    release: [],
    body: {
      property: 'body',
      release: ['json', 'text', 'arrayBuffer', 'blob', 'bytes', 'dump', 'destroy', 'pipe', 'resume'],
      fixRelease: { expression: '$.dump()', async: true },
    },
    fixRelease: { expression: '$.body.dump()', async: true },
    mayHaveNoBody: true,
    verb: { base: 'read', past: 'read or dumped' },
    consequence: 'its connection stays busy and the pool runs dry',
    advice: 'Consume the body (`await body.json()`, `body.text()`, …) or discard it with `await body.dump()` on every path.',
  },
  {
    id: 'node:http.IncomingMessage',
    label: 'http response',
    category: 'response',
    types: [node('http', 'IncomingMessage')],
    release: ['resume', 'destroy', 'pipe'],
    releaseEvents: ['data', 'readable'],
    releasedByIteration: true,
    releasedByPipe: true,
    emitsErrors: true,
    // The request a server handler receives is an IncomingMessage too: only client responses are acquired.
    acquiredBy: [],
    acquiredInCallbackOf: [node('http', ['get', 'request']), node('https', ['get', 'request'])],
    acquiredInListenerFor: ['response'],
    mayHaveNoBody: true,
    verb: { base: 'consume', past: 'consumed or destroyed' },
    consequence: 'its socket is never freed for the agent to reuse',
    advice: 'Consume it (`res.resume()`, a `data` listener, `pipe`, `for await`) or `res.destroy()` it on every path.',
  },
];

const REQUEST_TYPES: TypeOrValueSpecifier[] = [
  node('http', 'IncomingMessage'),
  node('http2', 'Http2ServerRequest'),
  { from: 'package', package: 'express-serve-static-core', name: 'Request' },
  { from: 'package', package: 'express', name: 'Request' },
];

/** The methods web frameworks add to a server response that send it whole (Express's `send`, `json`, `format`, …). */
const FRAMEWORK_SENDS = ['send', 'json', 'jsonp', 'redirect', 'render', 'sendFile', 'sendStatus', 'download', 'format'];

/** Server responses, for `no-unended-response`: a handler must finish or hand on the response on every path. */
export const SERVER_RESPONSES: ResourceKind[] = [
  {
    id: 'express:Response',
    label: 'Express response',
    category: 'server-response',
    types: [
      { from: 'package', package: 'express-serve-static-core', name: 'Response' },
      { from: 'package', package: 'express', name: 'Response' },
    ],
    release: ['end', 'destroy', ...FRAMEWORK_SENDS],
    acquiredBy: [],
    acquiredAsHandlerParameterWith: REQUEST_TYPES,
    throwHandsOff: true,
    emitsErrors: true,
    verb: { base: 'end', past: 'ended' },
    consequence: 'the client waits on an open connection until it times out',
    advice: 'Send a response (`res.json()`, `res.sendStatus()`, `res.end()`, …) or call `next()` on every path.',
  },
  {
    id: 'node:http.ServerResponse',
    label: 'http.ServerResponse',
    category: 'server-response',
    types: [node('http', 'ServerResponse'), node('http2', 'Http2ServerResponse')],
    // Routers that type the response as `http.ServerResponse` extended with their own senders (`res.send()` in
    // Polka, Restify, connect-style stacks) finish it with them.
    release: ['end', 'destroy', ...FRAMEWORK_SENDS],
    acquiredBy: [],
    acquiredAsHandlerParameterWith: REQUEST_TYPES,
    emitsErrors: true,
    verb: { base: 'end', past: 'ended' },
    consequence: 'the client waits on an open connection until it times out',
    advice: 'End it (`res.end()`, `pipeline(stream, res)`) or hand it to code that does, on every path.',
  },
];

/** A connection a `net`/`tls` server hands to its connection handler, for `no-hanging-socket`. */
export const SERVER_SOCKETS: ResourceKind[] = [
  {
    id: 'node:net.Socket(server)',
    label: 'connection',
    category: 'server-socket',
    types: [node('tls', 'TLSSocket'), node('net', 'Socket')],
    release: ['end', 'destroy', 'destroySoon', 'resetAndDestroy'],
    acquiredBy: [],
    acquiredInCallbackOf: [node('net', 'createServer'), node('tls', 'createServer')],
    acquiredInListenerFor: ['connection', 'secureConnection'],
    handoffEvents: ['data', 'readable', 'end', 'close', 'error', 'timeout', 'drain', 'finish', 'connect', 'secure'],
    releasedByPipe: true,
    captureHandsOff: true,
    emitsErrors: true,
    verb: { base: 'end', past: 'ended or destroyed' },
    consequence: 'the connection stays open with nothing left to close it',
    advice: 'End or destroy it before returning, or keep handling it (register listeners, store it).',
  },
];

/** The kind given to any other type with `[Symbol.dispose]` / `[Symbol.asyncDispose]`. */
/**
 * What a resource's own release methods are called (and their camel-case compounds: `closeAll`, `destroySoon`): a
 * type's method by one of these names releases it, whatever else the catalog says (ownership model, "releases").
 */
export const RELEASE_VERBS = ['close', 'destroy', 'dispose', 'end', 'disconnect', 'quit', 'terminate', 'shutdown', 'stop', 'release', 'cancel', 'abort', 'kill'];

/**
 * What a function whose body the program does not have is called when it creates a resource (and camel-case compounds:
 * `createConnection`, `openSync`): other such calls that return a resource type — `get…`, `find…`, `lookup…`, getters —
 * hand back one that something else owns (ownership model, "acquisitions"). Constructors always create one.
 */
export const CREATION_VERBS = [
  'create', 'open', 'connect', 'new', 'spawn', 'fork', 'acquire', 'watch', 'launch', 'request', 'fetch', 'duplicate', 'clone',
  'make', 'build', 'start', 'dial', 'listen',
  // Subscriptions and leases: `bus.subscribe(…)`, `events.addAbortListener(…)`, `mutex.lock()` return what ends them.
  'subscribe', 'register', 'add', 'observe', 'lock', 'lease',
  // `stack.move()` hands its disposables to a new stack that the caller now owns.
  'move',
];

export const DISPOSABLE_KIND: ResourceKind = {
  id: 'disposable',
  label: 'Disposable',
  category: 'resource',
  types: [],
  release: [],
  verb: { base: 'dispose', past: 'disposed' },
  advice: 'Declare it with `using` (or `await using`), or dispose it on every path.',
};

/**
 * Types that declare `[Symbol.dispose]`/`[Symbol.asyncDispose]` but hold nothing that outlives them unless
 * released: iterators and generators finish by themselves, plain streams end when read (only fs streams, in
 * the list above, hold a descriptor), and requests/responses/timers have rules of their own.
 */
export const NEEDS_NO_RELEASE: TypeOrValueSpecifier[] = [
  {
    from: 'lib',
    name: [
      'Iterator',
      'IteratorObject',
      'AsyncIterator',
      'AsyncIteratorObject',
      'Generator',
      'AsyncGenerator',
      'ArrayIterator',
      'MapIterator',
      'SetIterator',
      'StringIterator',
      'RegExpStringIterator',
      'ReadableStreamAsyncIterator',
    ],
  },
  { from: 'package', package: 'stream', name: ['Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough', 'Stream'] },
  // readable-stream is node:stream's code as a package: its streams are as in-memory as node's (bl's BufferList).
  { from: 'package', package: 'readable-stream', name: ['Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough', 'Stream'] },
  { from: 'package', package: 'http', name: ['ClientRequest', 'IncomingMessage', 'ServerResponse', 'OutgoingMessage'] },
  { from: 'package', package: 'timers', name: ['Timeout', 'Immediate'] },
  { from: 'package', package: 'node', name: ['Timeout', 'Immediate', 'Timer'] },
  { from: 'package', package: 'node:test', name: 'MockTimers' },
  { from: 'package', package: 'perf_hooks', name: ['RecordableHistogram', 'Histogram'] },
];

const STREAM_PIPELINE: TypeOrValueSpecifier[] = [node('stream', 'pipeline'), node('stream/promises', 'pipeline')];

/** What well-known calls do with the resources passed to them. */
export const CALL_RULES: CallRule[] = [
  ...STREAM_PIPELINE.map((fn): CallRule => ({ function: fn, effect: 'release' })),
  { function: node('events', 'once'), effect: 'release', args: [0], whenEvent: 'releaseEvents' },
  // In Node and browsers alike, clearTimeout and clearInterval clear either kind of timer.
  ...['clearInterval', 'clearTimeout', 'clearImmediate'].flatMap((name) =>
    timerFunctions(name).map((fn): CallRule => ({ function: fn, effect: 'release', args: [0] })),
  ),
  // Numeric file descriptors: closed by `close`/`closeSync`, used (not kept) by the functions that take one.
  { function: node('fs', ['close', 'closeSync']), effect: 'release', args: [0] },
  {
    function: node('fs', [
      'read', 'readSync', 'write', 'writeSync', 'readv', 'readvSync', 'writev', 'writevSync', 'fstat', 'fstatSync',
      'fsync', 'fsyncSync', 'fdatasync', 'fdatasyncSync', 'ftruncate', 'ftruncateSync', 'futimes', 'futimesSync',
      'fchmod', 'fchmodSync', 'fchown', 'fchownSync', 'readFileSync', 'writeFileSync', 'appendFileSync', 'readFile', 'writeFile', 'appendFile',
    ]),
    effect: 'borrow',
    args: [0],
  },
  // A stack of disposables takes over what it is given; it only throws once it has been disposed (a misuse).
  { receiver: { from: 'lib', name: ['DisposableStack', 'AsyncDisposableStack'] }, methods: ['use', 'adopt'], effect: 'release', args: [0], nonThrowing: true },
  { receiver: { from: 'lib', name: ['DisposableStack', 'AsyncDisposableStack'] }, methods: ['defer'], effect: 'borrow', nonThrowing: true },
  // Lenders: they use the resource for the call and leave it open.
  { function: node('http', ['request', 'get']), effect: 'borrow' },
  { function: node('https', ['request', 'get']), effect: 'borrow' },
  { function: node('http2', 'connect'), effect: 'borrow' },
  { function: { from: 'package', package: 'undici', name: ['request', 'stream', 'fetch', 'connect', 'upgrade'] }, effect: 'borrow' },
  // Other HTTP clients read the agents in their request options during the request, as http.request does
  // (`axios.create({ httpsAgent })` keeps it: an instance is no request).
  {
    receiver: { from: 'package', package: 'axios', name: ['Axios', 'AxiosInstance', 'AxiosStatic'] },
    methods: ['request', 'get', 'delete', 'head', 'options', 'post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'],
    effect: 'borrow',
  },
  { function: { from: 'package', package: 'axios', name: ['AxiosInstance', 'AxiosStatic'] }, effect: 'borrow' },
  // The global dispatcher serves the whole process: installing one hands it over.
  { function: { from: 'package', package: 'undici', name: 'setGlobalDispatcher' }, effect: 'transfer' },
  { function: { from: 'package', package: 'node', name: 'fetch' }, effect: 'borrow' },
  { function: { from: 'lib', name: 'fetch' }, effect: 'borrow' },
  {
    receiver: { from: 'package', package: 'node', name: 'Console' },
    methods: ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'],
    effect: 'borrow',
    nonThrowing: true,
  },
  {
    receiver: { from: 'lib', name: 'Console' },
    methods: ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'],
    effect: 'borrow',
    nonThrowing: true,
  },
  { receiver: { from: 'lib', name: ['JSON', 'ObjectConstructor', 'ArrayConstructor'] }, methods: ['stringify', 'is', 'keys', 'isArray'], effect: 'borrow' },
  // Asking an emitter about its listeners, or removing them, and reading default settings do not throw.
  {
    receiver: node('events', 'EventEmitter'),
    methods: ['listenerCount', 'listeners', 'rawListeners', 'eventNames', 'getMaxListeners', 'setMaxListeners', 'removeListener', 'removeAllListeners', 'off'],
    effect: 'borrow',
    nonThrowing: true,
  },
  { function: node('http2', 'getDefaultSettings'), effect: 'borrow', nonThrowing: true },
  { function: node('events', 'EventEmitter'), effect: 'borrow', nonThrowing: true },
  { receiver: { from: 'lib', name: ['Map', 'Set', 'WeakMap', 'WeakSet'] }, methods: ['get', 'has', 'delete', 'clear'], effect: 'borrow', nonThrowing: true },
  // Building an empty collection or stack does not throw.
  {
    function: { from: 'lib', name: ['MapConstructor', 'SetConstructor', 'WeakMapConstructor', 'WeakSetConstructor', 'DisposableStackConstructor', 'AsyncDisposableStackConstructor'] },
    effect: 'transfer',
    nonThrowing: true,
  },
  // Collections and registries keep what they are given.
  {
    receiver: { from: 'lib', name: ['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'FinalizationRegistry'] },
    methods: ['set', 'add', 'push', 'unshift', 'splice', 'register'],
    effect: 'transfer',
    nonThrowing: true,
  },
  // Scheduling a callback does not throw (what is passed to it is the callback's business, as before).
  ...['setTimeout', 'setInterval', 'setImmediate'].flatMap((name) =>
    timerFunctions(name).map((fn): CallRule => ({ function: fn, effect: 'transfer', nonThrowing: true })),
  ),
  // Building an error to throw is not itself a throw point.
  {
    function: { from: 'lib', name: ['ErrorConstructor', 'TypeErrorConstructor', 'RangeErrorConstructor', 'SyntaxErrorConstructor', 'ReferenceErrorConstructor', 'EvalErrorConstructor', 'URIErrorConstructor', 'AggregateErrorConstructor'] },
    effect: 'borrow',
    nonThrowing: true,
  },
  { receiver: { from: 'lib', name: 'ErrorConstructor' }, methods: ['captureStackTrace'], effect: 'borrow', nonThrowing: true },
  { function: node('util', ['inspect', 'format', 'isDeepStrictEqual']), effect: 'borrow' },
  // Building an in-memory stream (a zlib transform, one of node:stream's classes) only allocates: its synchronous
  // throws are invalid options, programming errors that the exception tier does not count.
  {
    function: node('zlib', [
      'createGzip', 'createGunzip', 'createDeflate', 'createInflate', 'createDeflateRaw', 'createInflateRaw', 'createUnzip',
      'createBrotliCompress', 'createBrotliDecompress',
    ]),
    effect: 'borrow',
    nonThrowing: true,
  },
  { function: node('stream', ['PassThrough', 'Transform', 'Readable', 'Writable', 'Duplex']), effect: 'borrow', nonThrowing: true },
  // Node's asynchronous resources report failures through 'error' events; their factories throw synchronously only
  // on invalid arguments (a bad port, a non-string path). (Not child_process: spawn throws EMFILE or EAGAIN at once;
  // nor tls, whose secure context can throw on a malformed certificate; nor http, which parses URLs at once.)
  { function: node('net', ['connect', 'createConnection']), effect: 'transfer', nonThrowing: true },
  // A stream given `{ fd }` closes it when done, unless told not to (`autoClose: false`).
  { function: node('fs', ['createReadStream', 'createWriteStream']), effect: 'transfer', nonThrowing: true, borrowsWhen: { property: 'autoClose', value: false } },
  { function: node('dgram', 'createSocket'), effect: 'transfer', nonThrowing: true },
  // Their binding and listening fail the same way (EADDRINUSE arrives as 'error').
  { receiver: node('dgram', 'Socket'), methods: ['bind'], effect: 'borrow', nonThrowing: true },
  { receiver: node('net', 'Server'), methods: ['listen'], effect: 'borrow', nonThrowing: true },
  // Ending the process ends every resource's lifetime with it.
  { receiver: { from: 'package', package: 'node', name: 'Process' }, methods: ['exit', 'abort'], effect: 'borrow', nonThrowing: true, endsProcess: true },
  // `process.kill(child.pid)`: signals the process its descriptor names (a child's `pid`), which ends it.
  { receiver: { from: 'package', package: 'node', name: 'Process' }, methods: ['kill'], effect: 'release', args: [0] },
  { function: node('assert', ['ok', 'equal', 'strictEqual', 'deepStrictEqual', 'notStrictEqual', 'assert']), effect: 'borrow' },
];

/**
 * How an emitter's operation can end, for releases made in its listeners: each outcome is a set of events of which one
 * fires (a socket connects or errors), and an `always` event follows every outcome (`'close'`). A release in a listener
 * for one outcome covers that outcome only (issue: event outcomes).
 */
export const EVENT_OUTCOMES: { types: TypeOrValueSpecifier[]; outcomes: string[][]; always: string[] }[] = [
  { types: [node('net', 'Socket'), node('tls', 'TLSSocket')], outcomes: [['connect', 'secureConnect', 'ready'], ['error']], always: ['close'] },
  { types: [node('http', 'ClientRequest')], outcomes: [['response'], ['error']], always: ['close'] },
  { types: [node('fs', 'ReadStream')], outcomes: [['end'], ['error']], always: ['close'] },
  { types: [node('fs', 'WriteStream')], outcomes: [['finish'], ['error']], always: ['close'] },
];

/**
 * Streams that fail by themselves, through the I/O under them (a peer resets, a disk fills, a client goes away), not
 * only when the program destroys them: as the source of `src.pipe(dst)`, their failure is an outcome that leaves `dst`
 * open. An in-memory stream of the program (a `PassThrough` it feeds) fails only when the program makes it.
 */
export const FAILING_STREAMS: TypeOrValueSpecifier[] = [
  node('net', 'Socket'),
  node('tls', 'TLSSocket'),
  node('fs', ['ReadStream', 'WriteStream']),
  node('http', ['IncomingMessage', 'ClientRequest', 'ServerResponse']),
  node('http2', ['Http2Stream', 'Http2ServerRequest', 'Http2ServerResponse']),
];

/** Functions that wait for an emitter's events and reject on its 'error': `once(emitter, 'data')`, `finished(stream)`. */
export const WAITS_ON_EVENTS: TypeOrValueSpecifier[] = [node('events', ['once', 'on']), node('stream', 'finished'), node('stream/promises', 'finished')];

/** Methods that register a listener: `x.on('close', …)`. */
/** Events after which a resource is done with: a release in their listener always runs, and listening is not using it. */
export const END_EVENTS = new Set(['close', 'end', 'finish', 'error', 'exit', 'timeout', 'abort', 'disconnect', 'goaway', 'unpipe']);

export const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);

/**
 * Types whose declarations inherit `[Symbol.asyncDispose]` (from `stream.Writable` in @types/node) although the
 * runtime class does not have it: `using` on them would throw. Fixes release them with a method call instead.
 */
export const DISPOSAL_MISSING_AT_RUNTIME: TypeOrValueSpecifier[] = [
  node('http', ['OutgoingMessage', 'ClientRequest', 'ServerResponse']),
  node('http2', 'Http2ServerResponse'),
];

/** Node versions that define `Symbol.dispose` and `Symbol.asyncDispose`, for disposal members without `@since`. */
export const DISPOSE_SYMBOLS_SINCE = 'v20.4.0, v18.18.0';
