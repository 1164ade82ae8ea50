// Checks on net/tls connection handlers that are not about paths: half-open sockets never ended after 'end', and
// idle timeouts that only notify (incident 3: connections piling up in CLOSE_WAIT).
import { ASTUtils, AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { LISTENER_METHODS, SERVER_SOCKETS } from '../catalog/resources.js';
import type { ResourceKind } from '../catalog/types.js';
import { DEFAULT_LIFETIME_OPTIONS } from '../options.js';
import { programFacts } from './listener.js';
import { type FunctionNode, UsageClassifier, enclosingFunction, functionVariable, isFunctionNode, propertyName, stringArgument } from './usage.js';

type Handler = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

export type ConnectionFinding =
  | { type: 'halfOpen'; handler: Handler; socket: TSESTree.Identifier }
  /** A 'clientError' listener that never ends, destroys or hands on the socket it is given (or takes none). */
  | { type: 'clientErrorIgnored'; handler: Handler; socket?: TSESTree.Identifier; writes: boolean }
  | { type: 'timeoutIgnored'; handler: Handler; socket: TSESTree.Identifier; setTimeoutCall: TSESTree.CallExpression };

function booleanOption(given: TSESTree.Node | undefined, name: string, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  // `const serverOptions = { allowHalfOpen: true }; net.createServer(serverOptions, …)`
  let options = given;
  if (options?.type === AST_NODE_TYPES.Identifier) {
    const definition = ASTUtils.findVariable(sourceCode.getScope(options), options)?.defs[0];
    options = definition?.node.type === AST_NODE_TYPES.VariableDeclarator ? (definition.node.init ?? undefined) : undefined;
  }
  while (options?.type === AST_NODE_TYPES.TSAsExpression || options?.type === AST_NODE_TYPES.TSSatisfiesExpression) options = options.expression;
  return (
    options?.type === AST_NODE_TYPES.ObjectExpression &&
    options.properties.some(
      (p) =>
        p.type === AST_NODE_TYPES.Property &&
        !p.computed &&
        p.key.type === AST_NODE_TYPES.Identifier &&
        p.key.name === name &&
        p.value.type === AST_NODE_TYPES.Literal &&
        p.value.value === true,
    )
  );
}

export function createConnectionHandlerListener<MessageIds extends string, Options extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  onFinding: (finding: ConnectionFinding) => void,
): TSESLint.RuleListener {
  const services = ESLintUtils.getParserServices(context);
  const program = services.program;
  const checker = program.getTypeChecker();
  const sourceCode = context.sourceCode;
  const { catalog, functions } = programFacts(program, checker, DEFAULT_LIFETIME_OPTIONS, ['server-socket']);
  const classifier = new UsageClassifier({ sourceCode, services, catalog, functions, options: DEFAULT_LIFETIME_OPTIONS });
  const kind: ResourceKind = SERVER_SOCKETS[0];
  const createServer = kind.acquiredInCallbackOf ?? [];

  const tsNode = (node: TSESTree.Node): ts.Node => services.esTreeNodeToTSNodeMap.get(node);

  const serverClasses = [
    { from: 'package' as const, package: 'net', name: 'Server' },
    { from: 'package' as const, package: 'tls', name: 'Server' },
  ];
  // Once a 'clientError' listener is registered, Node leaves the socket to it instead of destroying it.
  const httpServers = [
    { from: 'package' as const, package: 'http', name: 'Server' },
    { from: 'package' as const, package: 'https', name: 'Server' },
  ];
  const isServerConstruction = (node: TSESTree.Node | null | undefined): boolean =>
    (node?.type === AST_NODE_TYPES.CallExpression && catalog.calleeMatches(tsNode(node.callee) as ts.Expression, createServer)) ||
    (node?.type === AST_NODE_TYPES.NewExpression && catalog.matches(checker.getTypeAtLocation(tsNode(node)), serverClasses));

  /** Where the handler is passed: written inline as an argument, or passed by name. */
  function argumentSites(handler: Handler): TSESTree.Node[] {
    const parent = handler.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) return [handler];
    const variable = functionVariable(handler, sourceCode);
    return (variable?.references ?? []).filter((ref) => ref.isRead()).map((ref) => ref.identifier);
  }

  /** The server construction a handler belongs to: directly, or through `server.on('connection', …)`. */
  function serverCall(handler: Handler): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
    for (const site of argumentSites(handler)) {
      const found = serverCallAt(site);
      if (found) return found;
    }
    return undefined;
  }

  function serverCallAt(site: TSESTree.Node): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
    const call = site.parent;
    if (call?.type === AST_NODE_TYPES.NewExpression) return isServerConstruction(call) ? call : undefined;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(site as TSESTree.CallExpressionArgument)) return undefined;
    if (isServerConstruction(call)) return call;
    if (call.callee.type !== AST_NODE_TYPES.MemberExpression || !LISTENER_METHODS.has(propertyName(call.callee) ?? '')) return undefined;
    const event = call.arguments[0];
    if (event?.type !== AST_NODE_TYPES.Literal || !kind.acquiredInListenerFor?.includes(String(event.value))) return undefined;
    const server = call.callee.object;
    if (server.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = ASTUtils.findVariable(sourceCode.getScope(server), server);
    const init = variable?.defs[0]?.node.type === AST_NODE_TYPES.VariableDeclarator ? variable.defs[0].node.init : undefined;
    return isServerConstruction(init) ? (init as TSESTree.CallExpression | TSESTree.NewExpression) : undefined;
  }

  /** A callback argument as a function: written inline, or a local function passed by name. */
  function functionOf(callback: TSESTree.Node): TSESTree.Node | undefined {
    if (isFunctionNode(callback)) return callback;
    if (callback.type !== AST_NODE_TYPES.Identifier) return undefined;
    const definition = ASTUtils.findVariable(sourceCode.getScope(callback), callback)?.defs[0];
    if (definition?.type === 'FunctionName') return definition.node;
    if (definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init && isFunctionNode(definition.node.init)) {
      return definition.node.init;
    }
    return undefined;
  }

  /** Whether a function releases the socket (a reference inside it whose use ends or destroys it). */
  function releasesIn(callback: TSESTree.Node, socket: TSESLint.Scope.Variable): boolean {
    const fn = functionOf(callback);
    if (!fn) return false;
    return socket.references.some((ref) => {
      const id = ref.identifier;
      if (!(fn.range[0] <= id.range[0] && id.range[1] <= fn.range[1])) return false;
      return classifier.classify(id, kind, enclosingFunction(id), false).t === 'release';
    });
  }

  /** Listener callbacks registered on the socket for `event` (`socket.on('end', cb)`). */
  function listenersFor(socket: TSESLint.Scope.Variable, event: string): TSESTree.Node[] {
    const callbacks: TSESTree.Node[] = [];
    for (const ref of socket.references) {
      const member = ref.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier) continue;
      const call = member.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
      if (!LISTENER_METHODS.has(propertyName(member) ?? '')) continue;
      const name = call.arguments[0];
      if (name?.type === AST_NODE_TYPES.Literal && name.value === event && call.arguments[1]) callbacks.push(call.arguments[1]);
    }
    return callbacks;
  }

  /** `server.on('clientError', handler)` on an HTTP(S) server: the registration, if the handler is one. */
  function clientErrorRegistration(handler: Handler): TSESTree.CallExpression | undefined {
    for (const site of argumentSites(handler)) {
      const call = site.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== site) continue;
      if (call.callee.type !== AST_NODE_TYPES.MemberExpression || !LISTENER_METHODS.has(propertyName(call.callee) ?? '')) continue;
      if (stringArgument(call, 0) !== 'clientError') continue;
      if (catalog.matches(checker.getTypeAtLocation(tsNode(call.callee.object)), httpServers)) return call;
    }
    return undefined;
  }

  /**
   * A 'clientError' listener takes over the socket: it must end, destroy or hand it on somewhere. Only on some path:
   * returning early where the socket is already gone (`ECONNRESET`, `!socket.writable`) is Node's documented handler.
   */
  function checkClientError(handler: Handler): void {
    if (!clientErrorRegistration(handler)) return;
    const params = ownParameters(handler);
    const param = params[1];
    if (!param) {
      if (params[0]?.type !== AST_NODE_TYPES.RestElement) onFinding({ type: 'clientErrorIgnored', handler, writes: false });
      return;
    }
    if (param.type !== AST_NODE_TYPES.Identifier) return;
    const socket = sourceCode.getDeclaredVariables(handler).find((v) => v.defs[0]?.name === param);
    if (!socket) return;
    let writes = false;
    const handled = socket.references.some((ref) => {
      const member = ref.identifier.parent;
      const method = member?.type === AST_NODE_TYPES.MemberExpression && member.object === ref.identifier ? propertyName(member) : undefined;
      if (method === 'write') writes = true;
      // A listener on the socket handles it only if it ends it: nothing else will, here (`socket.on('error', noop)`).
      const call = member?.parent;
      if (method && LISTENER_METHODS.has(method) && call?.type === AST_NODE_TYPES.CallExpression && call.callee === member) {
        const callback = call.arguments[1];
        return !!callback && releasesIn(callback, socket);
      }
      const use = classifier.classify(ref.identifier, kind, enclosingFunction(ref.identifier), false);
      return use.t !== 'borrow' && use.t !== 'lent' && use.t !== 'dropped';
    });
    if (!handled) onFinding({ type: 'clientErrorIgnored', handler, socket: param, writes });
  }

  /** A function's parameters without TypeScript's `this` pseudo-parameter (`function (this: Server, err, socket)`). */
  function ownParameters(handler: Handler): TSESTree.Parameter[] {
    const first = handler.params[0];
    return first?.type === AST_NODE_TYPES.Identifier && first.name === 'this' ? handler.params.slice(1) : handler.params;
  }

  function check(handler: Handler): void {
    const param = ownParameters(handler)[0];
    if (param?.type !== AST_NODE_TYPES.Identifier) return;
    const server = serverCall(handler);
    if (!server) return;
    if (!catalog.kindOfType(checker.getTypeAtLocation(tsNode(param)))) return;
    const socket = sourceCode.getDeclaredVariables(handler).find((v) => v.defs[0]?.name === param);
    if (!socket) return;

    // allowHalfOpen: the peer's FIN does not end our side; only an explicit end() after 'end' avoids CLOSE_WAIT.
    const options = server.arguments[0];
    if (booleanOption(options, 'allowHalfOpen', sourceCode)) {
      const endsAfterEnd = listenersFor(socket, 'end').some((cb) => releasesIn(cb, socket));
      const endsDirectly = socket.references.some(
        (ref) =>
          enclosingFunction(ref.identifier) === handler &&
          classifier.classify(ref.identifier, kind, handler as FunctionNode, false).t === 'release',
      );
      if (!endsAfterEnd && !endsDirectly) onFinding({ type: 'halfOpen', handler, socket: param });
    }

    // socket.setTimeout(ms): the 'timeout' event only notifies; something must end or destroy the socket.
    for (const ref of socket.references) {
      const member = ref.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier || propertyName(member) !== 'setTimeout') {
        continue;
      }
      const call = member.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
      const delay = call.arguments[0];
      if (delay?.type === AST_NODE_TYPES.Literal && delay.value === 0) continue; // disables the timeout
      const callback = call.arguments[1];
      const handled =
        (callback && releasesIn(callback, socket)) ||
        listenersFor(socket, 'timeout').some((cb) => releasesIn(cb, socket));
      if (!handled) onFinding({ type: 'timeoutIgnored', handler, socket: param, setTimeoutCall: call });
    }
  }

  return {
    'ArrowFunctionExpression, FunctionExpression, FunctionDeclaration'(node: Handler) {
      try {
        check(node);
        checkClientError(node);
      } catch (error) {
        // Never crash ESLint: an unexpected shape means no report.
        if (process.env.LEAKS_DEBUG) throw error;
      }
    },
  };
}
