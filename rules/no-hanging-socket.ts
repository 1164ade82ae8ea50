// Rule `leaks/no-hanging-socket`: net/tls connection handlers that leave connections open (CLOSE_WAIT, idle sockets).
import { createRule } from '../lib/create-rule.js';
import { type ConnectionFinding, createConnectionHandlerListener } from '../lib/analysis/connection-handlers.js';
import { fileAnalysis } from '../lib/analysis/file-analysis.js';
import { mergeRuleListeners } from '../lib/analysis/operations.js';
import { reportFinding } from '../lib/analysis/report.js';
import { lineIndent } from '../lib/analysis/usage.js';
import { appendToBlock } from '../lib/fix/text.js';

export type Options = [];

const messages = {
  leak: '`{{name}}` ({{resource}}) is dropped without being {{released}} {{path}}, so {{consequence}}. {{advice}}',
  halfOpen:
    'The server allows half-open connections, but this handler never ends `{{name}}` after its \'end\' event: every client that hangs up leaves a connection in CLOSE_WAIT. End it in an \'end\' listener.',
  timeoutIgnored:
    "`{{name}}.setTimeout()` only emits 'timeout'; nothing ends or destroys `{{name}}` when it fires, so idle connections stay open. Destroy it in a 'timeout' listener.",
  clientErrorIgnored:
    "This 'clientError' listener never ends or destroys {{socket}}: once a listener is registered, Node leaves the socket to it, so every connection that sends a malformed request stays open. Destroy it (or end it with a 400 response) in the listener.",
  addDestroy: 'Call `{{name}}.{{method}}()` at the end of the listener.',
  addEndListener: "Add `{{name}}.on('end', () => {{name}}.end())` at the start of the handler.",
  addTimeoutListener: "Add `{{name}}.on('timeout', () => {{name}}.destroy())` after the `setTimeout` call.",
} as const;
export type MessageIds = keyof typeof messages;

export default createRule<Options, MessageIds>({
  name: 'no-hanging-socket',
  meta: {
    type: 'problem',
    docs: {
      description:
        "Require net/tls connection handlers and HTTP 'clientError' listeners to end or destroy the sockets they are given",
      recommended: true,
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    messages,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    const onConnectionFinding = (finding: ConnectionFinding): void => {
      if (finding.type === 'clientErrorIgnored') {
        const { socket, handler } = finding;
        const body = handler.body;
        // After a response written to it, end() flushes the response; destroy() would drop it.
        const method = finding.writes ? 'end' : 'destroy';
        context.report({
          node: socket ?? handler,
          messageId: 'clientErrorIgnored',
          data: { socket: socket ? `\`${socket.name}\`` : 'the socket it is given (its second parameter)' },
          suggest:
            socket && body.type === 'BlockStatement'
              ? [
                  {
                    messageId: 'addDestroy',
                    data: { name: socket.name, method },
                    fix: (fixer) =>
                      appendToBlock(fixer, sourceCode, body, `${socket.name}.${method}();`) ??
                      fixer.insertTextAfterRange([body.range[0], body.range[0] + 1], ` ${socket.name}.${method}(); `),
                  },
                ]
              : [],
        });
        return;
      }
      const name = finding.socket.name;
      if (finding.type === 'halfOpen') {
        const body = finding.handler.body;
        context.report({
          node: finding.socket,
          messageId: 'halfOpen',
          data: { name },
          suggest:
            body.type === 'BlockStatement'
              ? [
                  {
                    messageId: 'addEndListener',
                    data: { name },
                    fix: (fixer) => {
                      const first = body.body[0];
                      const text = `${name}.on('end', () => ${name}.end());`;
                      return first
                        ? fixer.insertTextBefore(first, `${text}\n${lineIndent(sourceCode, first)}`)
                        : fixer.insertTextAfterRange([body.range[0], body.range[0] + 1], ` ${text} `);
                    },
                  },
                ]
              : [],
        });
        return;
      }
      const statement = finding.setTimeoutCall.parent;
      context.report({
        node: finding.setTimeoutCall,
        messageId: 'timeoutIgnored',
        data: { name },
        suggest:
          statement?.type === 'ExpressionStatement'
            ? [
                {
                  messageId: 'addTimeoutListener',
                  data: { name },
                  fix: (fixer) =>
                    fixer.insertTextAfter(statement, `\n${lineIndent(sourceCode, statement)}${name}.on('timeout', () => ${name}.destroy());`),
                },
              ]
            : [],
      });
    };
    const paths = fileAnalysis(context).lifetime(context, {}, {
      categories: ['server-socket'],
      allExits: true,
      // Only early exits drop a socket; a handler that runs to its end has set the socket up one way or another.
      onFinding: (finding) => {
        if (finding.type === 'leak' && (finding.exit.kind === 'return' || finding.exit.kind === 'throw')) {
          reportFinding(context, finding, { atExit: true, mentionBranch: true });
        }
      },
    }).listener;
    const handlers = createConnectionHandlerListener(context, onConnectionFinding);
    return mergeRuleListeners(paths, handlers);
  },
});
