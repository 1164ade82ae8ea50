// Rule tests for `leaks/no-leaked-resource`: third-party clients, matched only when their own types resolve (the
// packages are devDependencies for these tests, never dependencies of the plugin).
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-leaked-resource.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const valid: ValidTestCase<Options>[] = [
  {
    name: 'axios: an agent kept for the module and lent to each request',
    code: `import * as https from 'node:https';
import axios from 'axios';
const httpsAgent = new https.Agent({ keepAlive: true });
export async function ping(url: string): Promise<number> {
  const res = await axios.get(url, { httpsAgent });
  return res.status;
}`,
  },
  {
    name: 'axios: an instance made with an agent keeps it (create is no request)',
    code: `import * as https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
export function client(): AxiosInstance {
  return axios.create({ httpsAgent: new https.Agent({ keepAlive: true }) });
}`,
  },
  {
    name: "chokidar: the watcher returned to the caller",
    code: `import { watch, type FSWatcher } from 'chokidar';
export function tail(dir: string, onChange: (path: string) => void): FSWatcher {
  const watcher = watch(dir);
  watcher.on('change', onChange);
  return watcher;
}`,
  },
  {
    name: "bullmq: one module-level Queue reused",
    code: `import { Queue } from 'bullmq';
const queue = new Queue('emails');
export async function enqueue(data: object): Promise<void> {
  await queue.add('job', data);
}`,
  },
  {
    name: "mongodb: closed in finally",
    code: `import { MongoClient } from 'mongodb';
export async function countUsers(url: string): Promise<number> {
  const client = await MongoClient.connect(url);
  try {
    return await client.db().collection('users').countDocuments();
  } finally {
    await client.close();
  }
}`,
  },
  {
    name: "kafkajs: disconnected in finally",
    code: `import type { Kafka } from 'kafkajs';
export async function publish(kafka: Kafka, topic: string, value: string): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages: [{ value }] });
  } finally {
    await producer.disconnect();
  }
}`,
  },
  {
    name: "amqplib: closing the connection closes the channel it made, also one declared in the try block",
    code: `import * as amqp from 'amqplib';
export async function send(url: string, queue: string, body: Buffer): Promise<void> {
  const connection = await amqp.connect(url);
  try {
    const channel = await connection.createChannel();
    channel.sendToQueue(queue, body);
  } finally {
    await connection.close();
  }
}`,
  },
  {
    name: "nats: drained",
    code: `import { connect as natsConnect } from 'nats';
export async function notify(servers: string, subject: string): Promise<void> {
  const nc = await natsConnect({ servers });
  nc.publish(subject);
  await nc.drain();
}`,
  },
  {
    name: "mqtt: ended once the publish completes",
    code: `import mqtt from 'mqtt';
export function report(url: string, reading: string): void {
  const client = mqtt.connect(url);
  client.publish('sensors', reading, () => client.end());
}`,
  },
  {
    name: "puppeteer: closing the browser closes the page it made",
    code: `import puppeteer from 'puppeteer-core';
export async function title(url: string, executablePath: string): Promise<string> {
  const browser = await puppeteer.launch({ executablePath });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    return await page.title();
  } finally {
    await browser.close();
  }
}`,
  },
  {
    name: "playwright: the page returned to the caller",
    code: `import type { Browser, Page } from 'playwright-core';
export async function open(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  return page;
}`,
  },
  {
    name: "knex: one exported instance",
    code: `import knex from 'knex';
export const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
export async function users(): Promise<unknown[]> {
  return db('users').select('*');
}`,
  },
  {
    name: "typeorm: destroying the data source releases the QueryRunner it made",
    code: `import { DataSource } from 'typeorm';
export async function version(options: ConstructorParameters<typeof DataSource>[0]): Promise<unknown> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    const queryRunner = dataSource.createQueryRunner();
    return await queryRunner.query('SELECT VERSION()');
  } finally {
    await dataSource.destroy();
  }
}`,
  },
  {
    name: "sequelize: a field released by the disposal method",
    code: `import { Sequelize } from 'sequelize';
export class Database {
  private readonly sequelize: Sequelize;
  constructor(url: string) {
    this.sequelize = new Sequelize(url);
  }
  async close(): Promise<void> {
    await this.sequelize.close();
  }
}`,
  },
  {
    name: "ssh2: ended on every outcome of the command",
    code: `import { Client } from 'ssh2';
export function run(host: string, command: string, done: (code: number) => void): void {
  const conn = new Client();
  conn.on('ready', () => {
    conn.exec(command, (err, stream) => {
      if (err) {
        conn.end();
        return done(-1);
      }
      stream.on('close', (code: number) => {
        conn.end();
        done(code);
      });
    });
  });
  conn.connect({ host });
}`,
  },
];

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'axios: a keep-alive agent per request, only lent to axios.get (incident 2)',
    code: `import * as https from 'node:https';
import axios from 'axios';
export async function ping(url: string): Promise<number> {
  const res = await axios.get(url, { httpsAgent: new https.Agent({ keepAlive: true }) });
  return res.status;
}`,
    output: null,
    errors: [{ messageId: 'discardedPooling', line: 4, column: 50 }],
  },
  {
    name: 'axios called as a function lends the agent too',
    code: `import * as https from 'node:https';
import axios from 'axios';
export async function ping(url: string): Promise<number> {
  const res = await axios({ url, httpsAgent: new https.Agent({ keepAlive: true }) });
  return res.status;
}`,
    output: null,
    errors: [{ messageId: 'discardedPooling', line: 4, column: 46 }],
  },
  {
    name: "chokidar: a watcher started per call and never closed",
    code: `import { watch } from 'chokidar';
export function tail(dir: string, onChange: (path: string) => void): void {
  const watcher = watch(dir);
  watcher.on('change', onChange);
}`,
    output: null,
    errors: [
      { messageId: 'leak', line: 3, column: 19 },
    ],
  },
  {
    name: "bullmq: a Queue (its own Redis connections) created per call",
    code: `import { Queue } from 'bullmq';
export async function enqueue(name: string, data: object): Promise<void> {
  const queue = new Queue(name);
  await queue.add('job', data);
}`,
    output: `import { Queue } from 'bullmq';
export async function enqueue(name: string, data: object): Promise<void> {
  const queue = new Queue(name);
  try {
    await queue.add('job', data);
  } finally {
    await queue.close();
  }
}`,
    errors: [
      { messageId: 'leakPooling', line: 3, column: 17 },
    ],
  },
  {
    name: "mongodb: a client per call from the static MongoClient.connect()",
    code: `import { MongoClient } from 'mongodb';
export async function countUsers(url: string): Promise<number> {
  const client = await MongoClient.connect(url);
  return client.db().collection('users').countDocuments();
}`,
    output: null,
    errors: [
      { messageId: 'leakPooling', line: 3, column: 24, suggestions: [{ messageId: 'suggestFinally', output: `import { MongoClient } from 'mongodb';
export async function countUsers(url: string): Promise<number> {
  const client = await MongoClient.connect(url);
  try {
    return await client.db().collection('users').countDocuments();
  } finally {
    await client.close();
  }
}` }] },
    ],
  },
  {
    name: "kafkajs: a producer per call, never disconnected (kafka.producer() names no creation verb: the catalog lists it)",
    code: `import type { Kafka } from 'kafkajs';
export async function publish(kafka: Kafka, topic: string, value: string): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ value }] });
}`,
    output: `import type { Kafka } from 'kafkajs';
export async function publish(kafka: Kafka, topic: string, value: string): Promise<void> {
  const producer = kafka.producer();
  try {
    await producer.connect();
    await producer.send({ topic, messages: [{ value }] });
  } finally {
    await producer.disconnect();
  }
}`,
    errors: [
      { messageId: 'leakPooling', line: 3, column: 20 },
    ],
  },
  {
    name: "amqplib: a connection and its channel per call",
    code: `import * as amqp from 'amqplib';
export async function send(url: string, queue: string, body: Buffer): Promise<void> {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  channel.sendToQueue(queue, body);
}`,
    output: `import * as amqp from 'amqplib';
export async function send(url: string, queue: string, body: Buffer): Promise<void> {
  const connection = await amqp.connect(url);
  try {
    const channel = await connection.createChannel();
    channel.sendToQueue(queue, body);
  } finally {
    await connection.close();
  }
}`,
    errors: [
      { messageId: 'leakPooling', line: 3, column: 28 },
      { messageId: 'leak', line: 4, column: 25, suggestions: [{ messageId: 'suggestFinally', output: `import * as amqp from 'amqplib';
export async function send(url: string, queue: string, body: Buffer): Promise<void> {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  try {
    channel.sendToQueue(queue, body);
  } finally {
    await channel.close();
  }
}` }] },
    ],
  },
  {
    name: "nats: the library's connect() imported under another name still creates a connection",
    code: `import { connect as natsConnect } from 'nats';
export async function notify(servers: string, subject: string): Promise<void> {
  const nc = await natsConnect({ servers });
  nc.publish(subject);
}`,
    output: null,
    errors: [
      { messageId: 'leakPooling', line: 3, column: 20, suggestions: [{ messageId: 'suggestFinally', output: `import { connect as natsConnect } from 'nats';
export async function notify(servers: string, subject: string): Promise<void> {
  const nc = await natsConnect({ servers });
  try {
    nc.publish(subject);
  } finally {
    await nc.close();
  }
}` }] },
    ],
  },
  {
    name: "mqtt: a client per call (MqttClient is a default export: matched by its declared name)",
    code: `import mqtt from 'mqtt';
export function report(url: string, reading: string): void {
  const client = mqtt.connect(url);
  client.publish('sensors', reading);
}`,
    output: null,
    errors: [
      { messageId: 'leakPooling', line: 3, column: 18, suggestions: [{ messageId: 'suggestFinally', output: `import mqtt from 'mqtt';
export function report(url: string, reading: string): void {
  const client = mqtt.connect(url);
  try {
    client.publish('sensors', reading);
  } finally {
    client.end();
  }
}` }] },
    ],
  },
  {
    name: "puppeteer: a browser per call, and its page",
    code: `import puppeteer from 'puppeteer-core';
export async function title(url: string, executablePath: string): Promise<string> {
  const browser = await puppeteer.launch({ executablePath });
  const page = await browser.newPage();
  await page.goto(url);
  return page.title();
}`,
    output: `import puppeteer from 'puppeteer-core';
export async function title(url: string, executablePath: string): Promise<string> {
  const browser = await puppeteer.launch({ executablePath });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    return await page.title();
  } finally {
    await browser.close();
  }
}`,
    errors: [
      { messageId: 'leakPooling', line: 3, column: 25 },
      { messageId: 'leak', line: 4, column: 22 },
    ],
  },
  {
    name: "playwright: a page opened on a shared browser and never closed",
    code: `import type { Browser } from 'playwright-core';
export async function title(browser: Browser, url: string): Promise<string> {
  const page = await browser.newPage();
  await page.goto(url);
  const text = await page.title();
  return text;
}`,
    output: `import type { Browser } from 'playwright-core';
export async function title(browser: Browser, url: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    const text = await page.title();
    return text;
  } finally {
    await page.close();
  }
}`,
    errors: [
      { messageId: 'leak', line: 3, column: 22 },
    ],
  },
  {
    name: "knex: a pool per call",
    code: `import knex from 'knex';
export async function users(connection: string): Promise<unknown[]> {
  const db = knex({ client: 'pg', connection });
  return db('users').select('*');
}`,
    output: null,
    errors: [
      { messageId: 'leakPooling', line: 3, column: 14, suggestions: [{ messageId: 'suggestFinally', output: `import knex from 'knex';
export async function users(connection: string): Promise<unknown[]> {
  const db = knex({ client: 'pg', connection });
  try {
    return await db('users').select('*');
  } finally {
    await db.destroy();
  }
}` }] },
    ],
  },
  {
    name: "typeorm: a QueryRunner never released (typeorm afterConnect)",
    code: `import type { DataSource } from 'typeorm';
export async function version(dataSource: DataSource): Promise<string> {
  const queryRunner = dataSource.createQueryRunner();
  const rows: { version: string }[] = await queryRunner.query('SELECT VERSION() AS version');
  return rows[0]!.version;
}`,
    output: `import type { DataSource } from 'typeorm';
export async function version(dataSource: DataSource): Promise<string> {
  const queryRunner = dataSource.createQueryRunner();
  try {
    const rows: { version: string }[] = await queryRunner.query('SELECT VERSION() AS version');
    return rows[0]!.version;
  } finally {
    await queryRunner.release();
  }
}`,
    errors: [
      { messageId: 'leak', line: 3, column: 23 },
    ],
  },
  {
    name: "sequelize: an instance per call",
    code: `import { Sequelize } from 'sequelize';
export async function ping(url: string): Promise<void> {
  const sequelize = new Sequelize(url);
  await sequelize.authenticate();
}`,
    output: `import { Sequelize } from 'sequelize';
export async function ping(url: string): Promise<void> {
  const sequelize = new Sequelize(url);
  try {
    await sequelize.authenticate();
  } finally {
    await sequelize.close();
  }
}`,
    errors: [
      { messageId: 'leakPooling', line: 3, column: 21 },
    ],
  },
  {
    name: "ssh2: a client whose connection is never ended",
    code: `import { Client } from 'ssh2';
export function run(host: string, command: string, done: (code: number) => void): void {
  const conn = new Client();
  conn.on('ready', () => {
    conn.exec(command, (err, stream) => {
      if (err) return done(-1);
      stream.on('close', (code: number) => done(code));
    });
  });
  conn.connect({ host });
}`,
    output: null,
    errors: [
      { messageId: 'leak', line: 3, column: 16 },
    ],
  },
];

ruleTester.run('no-leaked-resource (third-party clients)', rule, { valid: valid.map((t) => ({ filename: 'file.ts', ...t })), invalid: invalid.map((t) => ({ filename: 'file.ts', ...t })) });
