// The shape of the resource catalog: pure data describing which types are resources and how their lifetime ends.
import type { TypeOrValueSpecifier } from '@typescript-eslint/type-utils';

/** Which rule family a resource belongs to; each rule asks the engine about its own categories only. */
export type Category = 'resource' | 'timer' | 'response' | 'server-response' | 'server-socket';

export interface ReleaseVerb {
  /** "close", "destroy", "terminate" … */
  base: string;
  /** "closed", "destroyed", "terminated" … */
  past: string;
}

export interface ResourceKind {
  /** Stable id, e.g. `node:net.Socket`. */
  id: string;
  /** How messages name it, e.g. `net.Socket`; `{name}` stands for the matched type's name (`undici {name}`). */
  label: string;
  category: Category;
  /** The types (or their subclasses) that are this resource, matched by declaration. */
  types: TypeOrValueSpecifier[];
  /** Methods that release it (`close`, `destroy`, …). `Symbol.dispose` / `Symbol.asyncDispose` always do. */
  release: string[];
  verb: ReleaseVerb;
  /** One sentence of advice appended to leak reports. */
  advice: string;
  /** A pooling client: creating one per call is the bug, so the report says to reuse one. */
  pooling?: boolean;
  /** Reports failures as 'error' events rather than by throwing (streams, sockets): its own methods are not throwers. */
  emitsErrors?: boolean;
  /** Holds nothing until first used (an agent or pool connects lazily): a throw before that first use leaks nothing. */
  lazy?: boolean;
  /** For a lazy resource: the methods that first make it hold something (a server's `listen()`); else any use. */
  opensWith?: string[];
  /** Listening for these events hands the resource to its own end (a child's `exit`). */
  releaseEvents?: string[];
  /**
   * Calling one of these methods hands the resource to the event loop for the life of the process
   * (a server that listens serves until the process exits).
   */
  handoffMethods?: string[];
  /** Listening for one of these events hands the resource to the event loop (a server's `connection`). */
  handoffEvents?: string[];
  /** `for await (… of x)` reads it to the end, which releases it. */
  releasedByIteration?: boolean;
  /** Iterating it never ends by itself (a timers/promises interval): only a loop that can be left releases it. */
  endless?: boolean;
  /**
   * The property holding the operating-system object it wraps (a FileHandle's `fd`, a child process's `pid`): the
   * same resource under another value, so passing it on (`createReadStream(path, { fd: handle.fd })`, `childPid =
   * child.pid` kept for `process.kill(childPid)`) passes the resource.
   */
  descriptor?: string;
  /**
   * Kinds (ids) of the resource that makes it, whose release releases it too: a page made by `browser.newPage()` is
   * closed with its browser, a channel with its connection.
   */
  madeBy?: string[];
  /** `x.pipe(dest)` reads it to the end, which releases it (streams that close themselves when done). */
  releasedByPipe?: boolean;
  /**
   * Calls of these functions acquire it whatever type they return (a DOM timer handle is a plain number), as
   * value specifiers of the function.
   */
  acquiredByCall?: TypeOrValueSpecifier[];
  /** The function that releases it, for fixes (`clearInterval`); otherwise the first of `release` is called on it. */
  releaseFunction?: string;
  /**
   * The release a fix inserts when it is not a call of the first `release` method: `$` stands for the holder
   * (`$.body?.cancel()` for a fetch response); `async` when it returns a promise.
   */
  fixRelease?: { expression: string; async: boolean };
  /** Fixes never declare it with `using`: its disposal does something else than its release (drops unflushed data). */
  noUsing?: boolean;
  /** Fixes never release it: its release aborts work (killing a child process, terminating a worker). */
  noFix?: boolean;
  /** Fixes release it only after the code has waited for it (a WebSocket that may still be connecting). */
  fixAfterWait?: boolean;
  /**
   * A one-shot resource that ends by itself (a timeout): leaving it alone is fine; it is reported only where the
   * code clears it on some paths but not others, or races it against other work without clearing it.
   */
  oneShot?: boolean;
  /** What happens when nobody releases it, for messages: "it stays open", "it runs until the process exits". */
  consequence?: string;
  /**
   * A response whose body is the thing to release: reading or cancelling `x[property]` (or the `property` variable
   * destructured from it) with one of `release`, iterating it, or passing it to a call that takes it over.
   */
  body?: { property: string; release: string[]; fixRelease?: { expression: string; async: boolean } };
  /** Handed to the callback of these functions as its first parameter (`http.get(url, (res) => …)`). */
  acquiredInCallbackOf?: TypeOrValueSpecifier[];
  /** Handed to listeners for these events (`req.on('response', (res) => …)`, `server.on('connection', …)`). */
  acquiredInListenerFor?: string[];
  /** Registering any listener on it, or a callback that captures it, keeps it alive on purpose (a live connection). */
  captureHandsOff?: boolean;
  /**
   * A request handler's response parameter: acquired by any function that takes it together with a parameter of
   * one of these request types (`(req: IncomingMessage, res: ServerResponse) => …`).
   */
  acquiredAsHandlerParameterWith?: TypeOrValueSpecifier[];
  /**
   * An explicit `throw`, or returning a rejected promise, hands it on (Express 5 answers a rejected handler with the
   * error handler). In a handler that takes a continuation (`next`), that is so for every kind acquired as a handler
   * parameter: the router that passes `next` also catches what the handler throws.
   */
  throwHandsOff?: boolean;
  /** Requests with `method: 'HEAD'`, and branches where the status is 204 or 304, have no body to release. */
  mayHaveNoBody?: boolean;
  /** `new X(…)` does not acquire it (a Response built in memory); calls that return it do. */
  notByConstructor?: boolean;
  /**
   * Only these functions acquire it (as value specifiers of the function); other calls that return the type
   * only hand back an existing one. Absent: any constructor or factory call returning the type acquires it.
   */
  acquiredBy?: TypeOrValueSpecifier[];
  /**
   * Library methods that create it although their names do not say so (`pool.getConnection()` checks a connection
   * out); by default only names like `create…`, `open…`, `connect…` do (`CREATION_VERBS`).
   */
  createdBy?: string[];
}

/** What a call does to the resources passed to it. */
export type CallEffect = 'release' | 'borrow' | 'transfer';

export interface CallRule {
  /** A free function, matched by its declaration. */
  function?: TypeOrValueSpecifier;
  /** Or methods on a receiver type. */
  receiver?: TypeOrValueSpecifier;
  methods?: string[];
  effect: CallEffect;
  /** Argument positions the effect applies to (default: all). */
  args?: number[];
  /** Calls the exception tier does not count as throwing (logging). */
  nonThrowing?: boolean;
  /** The call ends the process (`process.exit()`): no path goes on after it, so nothing leaks there. */
  endsProcess?: boolean;
  /** Only when the argument at index 1 is one of these event names (`events.once(child, 'exit')`). */
  whenEvent?: 'releaseEvents';
  /**
   * An options property that makes the call only borrow what the options object holds: `createReadStream(path, { fd,
   * autoClose: false })` leaves the descriptor to its caller.
   */
  borrowsWhen?: { property: string; value: boolean };
}
