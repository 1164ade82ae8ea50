// Checks on net/tls connection handlers that are not about paths: half-open sockets never ended after 'end', and
// idle timeouts that only notify (incident 3: connections piling up in CLOSE_WAIT).
import { ASTUtils, AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { Catalog } from '../catalog/catalog.js';
import { LISTENER_METHODS, SERVER_SOCKETS } from '../catalog/resources.js';
import type { ResourceKind } from '../catalog/types.js';
import { DEFAULT_LIFETIME_OPTIONS } from './options.js';
import { ProgramFunctions } from './program-functions.js';
import { type FunctionNode, UsageClassifier, enclosingFunction, isFunctionNode, propertyName } from './usage.js';

type Handler = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

export type ConnectionFinding =
  | { type: 'halfOpen'; handler: Handler; socket: TSESTree.Identifier }
  | { type: 'timeoutIgnored'; handler: Handler; socket: TSESTree.Identifier; setTimeoutCall: TSESTree.CallExpression };

function booleanOption(options: TSESTree.Node | undefined, name: string): boolean {
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
  const catalog = new Catalog(program, checker, { categories: ['server-socket'], resources: [], ignore: [] });
  const functions = new ProgramFunctions(program, checker, catalog, 'transfer');
  const classifier = new UsageClassifier({ sourceCode, services, catalog, functions, options: DEFAULT_LIFETIME_OPTIONS });
  const kind: ResourceKind = SERVER_SOCKETS[0];
  const createServer = kind.acquiredInCallbackOf ?? [];

  const tsNode = (node: TSESTree.Node): ts.Node => services.esTreeNodeToTSNodeMap.get(node);

  /** The `createServer(…)` call a handler belongs to: directly, or through `server.on('connection', …)`. */
  function serverCall(handler: Handler): TSESTree.CallExpression | undefined {
    const call = handler.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
    if (catalog.calleeMatches(tsNode(call.callee) as ts.Expression, createServer)) return call;
    if (call.callee.type !== AST_NODE_TYPES.MemberExpression || !LISTENER_METHODS.has(propertyName(call.callee) ?? '')) return undefined;
    const event = call.arguments[0];
    if (event?.type !== AST_NODE_TYPES.Literal || !kind.acquiredInListenerFor?.includes(String(event.value))) return undefined;
    const server = call.callee.object;
    if (server.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = ASTUtils.findVariable(sourceCode.getScope(server), server);
    const init = variable?.defs[0]?.node.type === AST_NODE_TYPES.VariableDeclarator ? variable.defs[0].node.init : undefined;
    if (init?.type !== AST_NODE_TYPES.CallExpression) return undefined;
    return catalog.calleeMatches(tsNode(init.callee) as ts.Expression, createServer) ? init : undefined;
  }

  /** Whether a function releases the socket (a reference inside it whose use ends or destroys it). */
  function releasesIn(fn: TSESTree.Node, socket: TSESLint.Scope.Variable): boolean {
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

  function check(handler: Handler): void {
    const param = handler.params[0];
    if (param?.type !== AST_NODE_TYPES.Identifier) return;
    const server = serverCall(handler);
    if (!server) return;
    if (!catalog.kindOfType(checker.getTypeAtLocation(tsNode(param)))) return;
    const socket = sourceCode.getDeclaredVariables(handler).find((v) => v.defs[0]?.name === param);
    if (!socket) return;

    // allowHalfOpen: the peer's FIN does not end our side; only an explicit end() after 'end' avoids CLOSE_WAIT.
    const options = server.arguments[0];
    if (booleanOption(options, 'allowHalfOpen')) {
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
        (callback && isFunctionNode(callback) && releasesIn(callback, socket)) ||
        listenersFor(socket, 'timeout').some((cb) => releasesIn(cb, socket));
      if (!handled) onFinding({ type: 'timeoutIgnored', handler, socket: param, setTimeoutCall: call });
    }
  }

  return {
    'ArrowFunctionExpression, FunctionExpression'(node: Handler) {
      try {
        check(node);
      } catch (error) {
        // Never crash ESLint: an unexpected shape means no report.
        if (process.env.LEAKS_DEBUG) throw error;
      }
    },
  };
}
