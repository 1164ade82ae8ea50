// Rule `leaks/no-unreleased-field`: resources a class creates and keeps in its fields must be released by the class.
import { AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { createRule } from '../lib/create-rule.js';
import { ClassFieldAnalysis, DEFAULT_DISPOSAL_METHODS, type DisposalMethod, type FieldFinding } from '../lib/analysis/class-fields.js';
import { programFacts } from '../lib/analysis/listener.js';
import { mayExit } from '../lib/analysis/program-functions.js';
import { isJavaScriptFile, lineIndent } from '../lib/analysis/usage.js';
import { appendToBlock } from '../lib/fix/text.js';
import { DEFAULT_LIFETIME_OPTIONS } from '../lib/options.js';
import { releaseStatement } from '../lib/fix/release.js';

export type Options = [{ disposalMethods?: string[]; checkOverwrites?: boolean }];

const messages = {
  notReleased: '`this.{{field}}` ({{resource}}, created here) is never {{released}} by {{disposals}}: {{release}} it there.',
  noDisposal:
    '`this.{{field}}` ({{resource}}, created here) is never {{released}}: `{{className}}` has no method that releases what it owns. Add `close()` or `[Symbol.asyncDispose]()` that {{release}}s it.',
  overwrite:
    '`{{method}}()` replaces `this.{{field}}` without releasing the {{resource}} it may still hold: calling `{{method}}()` twice leaks one. Release the old one first, or return early when it is set.',
  overwriteTimeout:
    '`{{method}}()` replaces `this.{{field}}` while the {{resource}} it may still hold is pending: calling `{{method}}()` twice leaves the first one armed, and nothing can clear it any more. Clear the old one first, or return early when it is set.',
  addRelease: 'Release `this.{{field}}` in `{{method}}`.',
} as const;
export type MessageIds = keyof typeof messages;

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
type ConstructorFunction = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** The fields a method assigns (`this.<field> = …`) anywhere in its body. */
function assignedFields(method: ts.FunctionLikeDeclaration): Set<string> {
  const fields = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      node.left.expression.kind === ts.SyntaxKind.ThisKeyword
    ) {
      fields.add(node.left.name.text);
    }
    ts.forEachChild(node, visit);
  };
  if (method.body) visit(method.body);
  return fields;
}

export default createRule<Options, MessageIds>({
  name: 'no-unreleased-field',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require resources a class stores in its fields to be released by one of its disposal methods',
      recommended: true,
      requiresTypeChecking: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          disposalMethods: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Names of the methods that release what the class owns; camel-case compounds count too (`stop` covers `stopPolling`). `[Symbol.dispose]` and `[Symbol.asyncDispose]` always count.',
          },
          checkOverwrites: {
            type: 'boolean',
            description:
              'Also report a method that replaces a field while it may still hold a live resource, where the class evidently runs that method again (from a loop, a timer, an event listener, itself, or as a setter) and nothing guards it. On in `strict`.',
          },
        },
      },
    ],
    defaultOptions: [{ disposalMethods: DEFAULT_DISPOSAL_METHODS, checkOverwrites: false }],
  },
  defaultOptions: [{ disposalMethods: DEFAULT_DISPOSAL_METHODS, checkOverwrites: false }],
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const checker = services.program.getTypeChecker();
    const { catalog, functions } = programFacts(services.program, checker, DEFAULT_LIFETIME_OPTIONS, ['resource', 'timer']);
    const analysis = new ClassFieldAnalysis(
      services,
      checker,
      catalog,
      functions,
      options.disposalMethods ?? DEFAULT_DISPOSAL_METHODS,
      options.checkOverwrites ?? false,
    );
    const { sourceCode } = context;

    const describe = (disposals: DisposalMethod[]): string =>
      disposals
        .map((d) => `\`${d.name}()\`${d.inheritedFrom ? ` (inherited from \`${d.inheritedFrom}\`)` : ''}`)
        .join(' or ');

    /** Per disposal method, what every fix to it needs: once per method, not once per field it should release. */
    const methodFacts = new Map<ts.Node, { assigned: Set<string>; exitsEarly: boolean }>();
    const factsOf = (declaration: ts.FunctionLikeDeclaration, body: TSESTree.BlockStatement) => {
      let facts = methodFacts.get(declaration);
      if (!facts) {
        facts = {
          assigned: assignedFields(declaration),
          exitsEarly: body.body.slice(0, -1).some((statement) => mayExit(services.esTreeNodeToTSNodeMap.get(statement))),
        };
        methodFacts.set(declaration, facts);
      }
      return facts;
    };

    /** The edit that adds the release at the end of a disposal method declared in this file. */
    function addRelease(finding: Extract<FieldFinding, { type: 'notReleased' }>, disposal: DisposalMethod): TSESLint.ReportFixFunction | undefined {
      const definition = services.tsNodeToESTreeNodeMap.get(disposal.declaration) as TSESTree.Node | undefined;
      const method = definition?.type === AST_NODE_TYPES.MethodDefinition ? definition.value : undefined;
      if (!method || method.type !== AST_NODE_TYPES.FunctionExpression || !method.body) return undefined;
      const { field, kind, collection } = finding.acquisition;
      const target = `this.${field}`;
      const location = services.esTreeNodeToTSNodeMap.get(finding.acquisition.node);
      // The instance side (or the static side) of the class; `#private` members are found by their written name.
      const classSymbol = checker.getSymbolAtLocation((disposal.declaration.parent as ts.ClassLikeDeclaration).name ?? disposal.declaration.parent);
      const classType = !classSymbol
        ? checker.getTypeAtLocation(disposal.declaration.parent)
        : finding.acquisition.isStatic
          ? checker.getTypeOfSymbolAtLocation(classSymbol, disposal.declaration.parent)
          : checker.getDeclaredTypeOfSymbol(classSymbol);
      const fieldSymbol = checker.getPropertiesOfType(classType).find((p) => p.name === field);
      const type = fieldSymbol ? checker.getTypeOfSymbolAtLocation(fieldSymbol, location) : checker.getTypeAtLocation(location);
      // Set by a method rather than at construction, it may still be unset when the class is disposed.
      const setLater = !!finding.acquisition.method && finding.acquisition.method.kind !== 'constructor';
      // A collection field is there from construction; only its elements come later.
      const optional = (setLater && !collection) || type !== checker.getNonNullableType(type);
      const statement = releaseStatement(kind, target, {
        checker,
        type,
        optional,
        inAsyncFunction: method.async,
        collection,
      });
      if (!statement) return undefined;
      const body = method.body;
      // A disposal method that already reassigns the field (`this.agent = null`), or that can leave before its last
      // statement, needs a person to place the release: appending it would not run on every path.
      const facts = factsOf(disposal.declaration, body);
      if (facts.assigned.has(field) || facts.exitsEarly) return undefined;
      return (fixer) => {
        const appended = appendToBlock(fixer, sourceCode, body, statement);
        if (appended) return appended;
        const methodIndent = lineIndent(sourceCode, method.parent);
        return fixer.replaceText(body, `{\n${methodIndent}  ${statement}\n${methodIndent}}`);
      };
    }

    function report(cls: ClassNode | ConstructorFunction, finding: FieldFinding): void {
      const { acquisition } = finding;
      const { kind } = acquisition;
      const data = {
        field: acquisition.field,
        resource: kind.label,
        released: kind.verb.past,
        release: kind.verb.base,
      };
      if (finding.type === 'noDisposal') {
        const className =
          cls.id?.name ??
          (cls.parent?.type === AST_NODE_TYPES.VariableDeclarator && cls.parent.id.type === AST_NODE_TYPES.Identifier ? cls.parent.id.name : 'this class');
        context.report({ node: acquisition.node, messageId: 'noDisposal', data: { ...data, className } });
        return;
      }
      if (finding.type === 'overwrite') {
        const key = finding.method.key;
        const method =
          key.type === AST_NODE_TYPES.Identifier ? key.name : key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${key.name}` : 'this method';
        // A replaced timeout still fires (it leaks nothing): what is lost is the handle that could cancel it.
        context.report({ node: acquisition.node, messageId: kind.oneShot ? 'overwriteTimeout' : 'overwrite', data: { ...data, method } });
        return;
      }
      // Only methods written in this file can be edited; one such method gets a fix, several get suggestions.
      const editable = finding.disposals
        .filter((d) => !d.inheritedFrom && d.declaration.getSourceFile().fileName === services.program.getSourceFile(context.filename)?.fileName)
        .map((d) => ({ disposal: d, fix: addRelease(finding, d) }))
        .filter((e): e is { disposal: DisposalMethod; fix: TSESLint.ReportFixFunction } => !!e.fix);
      const single = finding.disposals.length === 1 && editable.length === 1 ? editable[0] : undefined;
      context.report({
        node: acquisition.node,
        messageId: 'notReleased',
        data: { ...data, disposals: describe(finding.disposals) },
        fix: single?.fix,
        suggest: single
          ? []
          : editable.map(({ disposal, fix }) => ({ messageId: 'addRelease' as const, data: { field: acquisition.field, method: disposal.name }, fix })),
      });
    }

    // Never crash ESLint: an unexpected shape of class, or of one finding, means fewer reports.
    const checkWith =
      <Owner extends ClassNode | ConstructorFunction>(analyse: (owner: Owner) => FieldFinding[]) =>
      (owner: Owner): void => {
        let findings: FieldFinding[] = [];
        try {
          findings = analyse(owner);
        } catch (error) {
          if (process.env.LEAKS_DEBUG) throw error;
        }
        for (const finding of findings) {
          try {
            report(owner, finding);
          } catch (error) {
            if (process.env.LEAKS_DEBUG) throw error;
          }
        }
      };
    const check = checkWith((cls: ClassNode) => analysis.analyse(cls, sourceCode));
    // Constructor functions of JavaScript files (`function Poller() { this.timer = … }`): classes written the old way.
    const checkFunction = checkWith((fn: ConstructorFunction) => analysis.analyseConstructorFunction(fn, sourceCode));
    const isScript = isJavaScriptFile(context.filename);
    return {
      'ClassDeclaration:exit': check,
      'ClassExpression:exit': check,
      ...(isScript && { 'FunctionDeclaration:exit': checkFunction, 'FunctionExpression:exit': checkFunction }),
    };
  },
});
