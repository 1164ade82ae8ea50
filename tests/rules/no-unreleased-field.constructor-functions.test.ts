// Rule tests for `leaks/no-unreleased-field`: classes written the old way (#13 §4). In a JavaScript file, a constructor
// function that stores resources in `this` (or in `self`, a variable holding `this`) with methods on its prototype is a
// class, as TypeScript types it: what it stores must be released by a disposal method on the prototype, another of its
// methods, or the constructor itself (a 'close' listener). Reports only: the fix edits class methods.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-unreleased-field.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const inJs = <T extends { filename?: string }>(test: T): T => ({ filename: 'script.js', ...test });

const SOCKET = { resource: 'net.Socket', released: 'destroyed', release: 'destroy' };
const INTERVAL = { resource: 'interval', released: 'cleared', release: 'clear' };

const valid: ValidTestCase<Options>[] = [
  {
    // Released by the prototype's close().
    code: `const net = require('node:net');
function Poller(port) {
  this.timer = setInterval(() => this.tick(), 1000);
  this.socket = net.connect(port);
}
Poller.prototype.tick = function () {};
Poller.prototype.close = function () {
  clearInterval(this.timer);
  this.socket.destroy();
};
module.exports = Poller;`,
  },
  {
    // Through `var self = this`, released by a 'close' listener the constructor registers (a Node-RED node).
    code: `const { EventEmitter } = require('node:events');
function Watcher(node) {
  var self = this;
  self.interval = setInterval(function () { self.poll(); }, 1000);
  node.on('close', function () { clearInterval(self.interval); });
}
Watcher.prototype.poll = function () {};
module.exports = { Watcher, EventEmitter };`,
  },
  {
    // A function expression assigned to a variable, released through `self` in its stop().
    code: `const net = require('node:net');
var Relay = function (port) {
  this.conn = net.connect(port);
};
Relay.prototype.stop = function () {
  var self = this;
  self.conn.end();
};
module.exports = Relay;`,
  },
  {
    // A plain function that stores nothing it created is no owner.
    code: `function Point(x, y) {
  this.x = x;
  this.y = y;
}
Point.prototype.norm = function () { return Math.hypot(this.x, this.y); };
module.exports = Point;`,
  },
  {
    // In a TypeScript file a function is no class (TypeScript types `this` there only in classes).
    filename: 'file.ts',
    code: `import * as net from 'node:net';
export function connectAll(this: { socket?: net.Socket }, port: number): void {
  this.socket = net.connect(port);
}`,
  },
  {
    // An ES5 class written as a named function expression: its prototype hangs on the variable.
    code: `const net = require('node:net');
var Client = function Client(port) {
  this.sock = net.connect(port);
};
Client.prototype.close = function () { this.sock.destroy(); };
module.exports = Client;`,
  },
  {
    // A function that sets \`this.x\` but has no prototype methods is no class (here a method of an object).
    code: `function startPolling() {
  this.timer = setInterval(() => {}, 1000);
}
module.exports = { start: startPolling, stop() { clearInterval(this.timer); } };`,
  },
  {
    // A mixin runs on another constructor's instance, whose prototype releases what it stores.
    code: `function Timed() { this.tick = setInterval(() => {}, 10); }
Timed.prototype.elapsed = function () { return 0; };
function Job() { Timed.call(this); }
Job.prototype.stop = function () { clearInterval(this.tick); };
module.exports = Job;`,
  },
  {
    // util.inherits: the base's close() is the subclass's.
    code: `const net = require('node:net');
const util = require('node:util');
function Base() {}
Base.prototype.close = function () { this.sock.destroy(); };
function Sub(port) { this.sock = net.connect(port); }
util.inherits(Sub, Base);
Sub.prototype.ping = function () {};
module.exports = Sub;`,
  },
  {
    // The prototype as an object literal, and a method assigned by name.
    code: `const net = require('node:net');
function Conn(port) { this.sock = net.connect(port); }
Conn.prototype = { close: function () { this.sock.destroy(); } };
function A(port) { this.sock = net.connect(port); }
function closeA() { this.sock.destroy(); }
A.prototype.close = closeA;
module.exports = { Conn, A };`,
  },
  {
    // A disposal method the analysis cannot read (defineProperty) is trusted.
    code: `const net = require('node:net');
function C(port) { this.sock = net.connect(port); }
C.prototype.ping = function () {};
Object.defineProperty(C.prototype, 'close', { value: function () { this.sock.destroy(); } });
module.exports = C;`,
  },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    // The named function expression form, with a close() that forgets the socket.
    code: `const net = require('node:net');
var Client = function Client(port) {
  this.sock = net.connect(port);
  this.timer = setInterval(() => {}, 1000);
};
Client.prototype.close = function () { clearInterval(this.timer); };
module.exports = Client;`,
    errors: [{ messageId: 'notReleased', line: 3, column: 15, data: { field: 'sock', ...SOCKET, disposals: '`close()`' } }],
    output: null,
  },
  {
    // The prototype's close() clears the timer but leaves the socket open.
    code: `const net = require('node:net');
function Poller(port) {
  this.timer = setInterval(() => this.tick(), 1000);
  this.socket = net.connect(port);
}
Poller.prototype.tick = function () {};
Poller.prototype.close = function () {
  clearInterval(this.timer);
};
module.exports = Poller;`,
    errors: [{ messageId: 'notReleased', line: 4, column: 17, data: { field: 'socket', ...SOCKET, disposals: '`close()`' } }],
    output: null,
  },
  {
    // A prototype method starts an interval that nothing clears: no method releases what the instances own.
    code: `function Ticker() {
  this.count = 0;
}
Ticker.prototype.start = function () {
  var self = this;
  self.handle = setInterval(function () { self.count++; }, 150);
};
module.exports = Ticker;`,
    errors: [{ messageId: 'noDisposal', line: 6, column: 17, data: { field: 'handle', ...INTERVAL, className: 'Ticker' } }],
    output: null,
  },
  {
    // `var Server = function () {…}`: stop() closes the server, not the upstream connection.
    code: `const net = require('node:net');
var Server = function (port) {
  this.server = net.createServer();
  this.upstream = net.connect(port);
};
Server.prototype.stop = function () {
  this.server.close();
};
module.exports = Server;`,
    errors: [{ messageId: 'notReleased', line: 4, column: 19, data: { field: 'upstream', ...SOCKET, disposals: '`stop()`' } }],
    output: null,
  },
];

ruleTester.run('no-unreleased-field (constructor functions)', rule, { valid: valid.map(inJs), invalid: invalid.map(inJs) });
