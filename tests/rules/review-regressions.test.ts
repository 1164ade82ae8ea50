// Shapes an adversarial review of the event-outcome, catch-that-goes-on, descriptor, maker and third-party principles
// found reported falsely (or missed); kept so they stay right.
import noLeakedResource from '../../rules/no-leaked-resource.js';
import noLeakedTimer from '../../rules/no-leaked-timer.js';
import noUnreleasedField from '../../rules/no-unreleased-field.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run("no-leaked-resource (review)", noLeakedResource, {
  valid: [
    {
      name: "A pid destructured from the child and returned hands the process on, as `return child.pid` does",
      filename: 'file.ts',
      code: `import { spawn } from 'node:child_process';
export function start(command: string): number | undefined {
  const child = spawn(command, { detached: true });
  const { pid } = child;
  return pid;
}`,
    },
    {
      name: "A rejection of once() on the socket itself means it errored, and Node destroyed it",
      filename: 'file.ts',
      code: `import * as net from 'node:net';
import { once } from 'node:events';
export async function query(port: number): Promise<unknown> {
  try {
    const sock = net.connect(port);
    sock.write('q');
    const [data] = await once(sock, 'data');
    sock.end();
    return data;
  } catch (error) {
    console.error(error);
    return null;
  }
}`,
    },
    {
      name: "A lazy client whose connect() rejects holds nothing",
      filename: 'file.ts',
      code: `import { MongoClient } from 'mongodb';
export async function count(url: string): Promise<number> {
  try {
    const client = new MongoClient(url);
    await client.connect();
    try {
      return await client.db().collection('users').countDocuments();
    } finally {
      await client.close();
    }
  } catch (error) {
    console.error(error);
    return 0;
  }
}`,
    },
    {
      name: "A catch that ends in a call declared to return never rethrows",
      filename: 'file.ts',
      code: `import * as net from 'node:net';
declare function fail(error: unknown): never;
export async function send(port: number, work: () => Promise<void>): Promise<void> {
  try {
    const sock = net.connect(port);
    await work();
    sock.end();
  } catch (error) {
    fail(error);
  }
}`,
    },
    {
      name: "A catch that returns a rejected promise rethrows",
      filename: 'file.ts',
      code: `import * as net from 'node:net';
export async function send(port: number, work: () => Promise<void>): Promise<void> {
  try {
    const sock = net.connect(port);
    await work();
    sock.end();
  } catch (error) {
    return Promise.reject(error);
  }
}`,
    },
    {
      name: "A descriptor guarded by a -1 sentinel in finally",
      filename: 'file.ts',
      code: `import { closeSync, openSync, readSync } from 'node:fs';
export function head(path: string, buf: Buffer): void {
  let fd = -1;
  try {
    fd = openSync(path, 'r');
    readSync(fd, buf);
  } finally {
    if (fd !== -1) closeSync(fd);
  }
}`,
    },
    {
      name: "A descriptor guarded by fd >= 0 in finally",
      filename: 'file.ts',
      code: `import { closeSync, openSync, readSync } from 'node:fs';
export function head(path: string, buf: Buffer): void {
  let fd = -1;
  try {
    fd = openSync(path, 'r');
    readSync(fd, buf);
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}`,
    },
    {
      name: "A kafkajs consumer that runs serves for the life of the process",
      filename: 'file.ts',
      code: `import type { Kafka } from 'kafkajs';
export async function runConsumer(kafka: Kafka): Promise<void> {
  const consumer = kafka.consumer({ groupId: 'g' });
  await consumer.connect();
  await consumer.subscribe({ topic: 't' });
  await consumer.run({ eachMessage: async () => {} });
}`,
    },
    {
      name: "An MQTT client that subscribes serves for the life of the process",
      filename: 'file.ts',
      code: `import mqtt from 'mqtt';
export function listen(url: string): void {
  const client = mqtt.connect(url);
  client.on('message', (topic, message) => console.log(topic, String(message)));
  client.subscribe('sensors/#');
}`,
    },
    {
      name: "A bullmq Worker serves from its construction, like a server that listens",
      filename: 'file.ts',
      code: `import { Worker } from 'bullmq';
export function startWorker(): void {
  const worker = new Worker('emails', async () => {});
  worker.on('failed', (job) => console.log(job?.id));
}`,
    },
  ],
  invalid: [
    {
      name: "A pid only written into a log record (an object given to code the plugin cannot see) is a loan",
      filename: 'file.ts',
      code: `import { spawn } from 'node:child_process';
declare const logger: { info(record: object, message: string): void };
export function run(command: string): void {
  const child = spawn(command);
  logger.info({ pid: child.pid }, 'spawned');
}`,
      output: null,
      errors: [{ messageId: 'leak', line: 4, column: 17 }],
    },
    {
      name: "A destructured pid that is only logged is a loan: the child is still the function's",
      filename: 'file.ts',
      code: `import { spawn } from 'node:child_process';
export function run(command: string): void {
  const child = spawn(command);
  const { pid } = child;
  console.log('spawned', pid);
}`,
      output: null,
      errors: [{ messageId: 'leak', line: 3, column: 17 }],
    },
    {
      name: "A pooling client left open by a catch that goes on is reported as a leak (where to release it), not as a client per call",
      filename: 'file.ts',
      code: `import { Client } from 'undici';
export async function ping(url: string, work: () => Promise<void>): Promise<boolean> {
  try {
    const client = new Client(url);
    await work();
    await client.close();
    return true;
  } catch (error) {
    console.error(error);
    return false;
  }
}`,
      output: `import { Client } from 'undici';
export async function ping(url: string, work: () => Promise<void>): Promise<boolean> {
  try {
    const client = new Client(url);
    try {
      await work();
      return true;
    } finally {
      await client.close();
    }
  } catch (error) {
    console.error(error);
    return false;
  }
}`,
      errors: [{ messageId: 'leak', line: 4, column: 20 }],
    },
  ],
});

ruleTester.run("no-leaked-timer (review)", noLeakedTimer, {
  valid: [
    {
      name: "Listeners chained on one request cover both of its outcomes",
      filename: 'file.ts',
      code: `import * as http from 'node:http';
export function get(url: string, log: (error: Error) => void): void {
  const waiting = setInterval(() => console.log('waiting'), 1_000);
  http
    .get(url)
    .on('response', (res) => {
      clearInterval(waiting);
      res.resume();
    })
    .on('error', (error) => {
      clearInterval(waiting);
      log(error);
    });
}`,
    },
  ],
  invalid: [
    {
      name: "A chain of listeners that clears only on 'response' names the request once, shortened",
      filename: 'file.ts',
      code: `import * as http from 'node:http';
export function get(url: string, log: (error: Error) => void): void {
  const waiting = setInterval(() => console.log('waiting'), 1_000);
  http
    .get(url)
    .on('response', (res) => {
      clearInterval(waiting);
      res.resume();
    })
    .on('error', (error) => log(error));
}`,
      output: null,
      errors: [{ messageId: 'leak', line: 3, column: 19 }],
    },
  ],
});

ruleTester.run("no-unreleased-field (review)", noUnreleasedField, {
  valid: [
    {
      name: "process.kill() with the child's pid kills the child the field holds",
      filename: 'file.ts',
      code: `import { spawn, type ChildProcess } from 'node:child_process';
export class Backend {
  private readonly child: ChildProcess = spawn('backend');
  stop(): void {
    if (this.child.pid !== undefined) process.kill(this.child.pid);
  }
}`,
    },
    {
      name: "A channel made by the connection field is closed with it",
      filename: 'file.ts',
      code: `import * as amqp from 'amqplib';
import type { Channel, ChannelModel } from 'amqplib';
export class Bus {
  private connection?: ChannelModel;
  private channel?: Channel;
  async start(url: string): Promise<void> {
    this.connection = await amqp.connect(url);
    this.channel = await this.connection.createChannel();
  }
  async close(): Promise<void> {
    await this.connection?.close();
  }
}`,
    },
    {
      name: "A page made by the browser field is closed with it",
      filename: 'file.ts',
      code: `import puppeteer, { type Browser, type Page } from 'puppeteer-core';
export class Scraper {
  private browser?: Browser;
  private page?: Page;
  async start(executablePath: string): Promise<void> {
    this.browser = await puppeteer.launch({ executablePath });
    this.page = await this.browser.newPage();
  }
  async stop(): Promise<void> {
    await this.browser?.close();
  }
}`,
    },
    {
      name: "A kill timer the disposal method arms after a graceful end is that method's way of releasing",
      filename: 'file.ts',
      code: `import type * as net from 'node:net';
export class Conn {
  private killTimer: NodeJS.Timeout | undefined;
  constructor(private readonly sock: net.Socket) {
    sock.on('end', () => this.close());
  }
  close(): void {
    if (this.killTimer) return;
    this.sock.end();
    this.killTimer = setTimeout(() => this.sock.destroy(), 30_000);
  }
}`,
    },
  ],
  invalid: [

  ],
});
