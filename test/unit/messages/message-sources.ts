import { buildSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as ts from 'typescript';

/**
 * Finds, in the source, every English message the API can send: what its errors say, what its
 * validation rules say, and the notes it stores for people to read. The catalogue test checks
 * each has a Chinese translation, so a new message without one fails there.
 */

const repoRoot = resolve(__dirname, '..', '..', '..');

/** One message as written in the source: `{}` stands for each `${…}` of a template literal. */
export interface SourceMessage {
  where: string;
  text: string;
}

export interface FoundMessages {
  messages: SourceMessage[];
  /** The names errors give what they did not find (NotFoundError's first argument, and the labels that reach it). */
  entityLabels: SourceMessage[];
  /** A message passed as something other than a literal: the catalogue test cannot read it. */
  unreadable: SourceMessage[];
}

/** The source files of functions/ that the API's bundle and the export function's run (esbuild's own reachability: type-only imports left out). */
export function apiSourceFiles(): string[] {
  const result = buildSync({
    entryPoints: ['functions/api/handler.ts', 'functions/api/exports/handler.ts'],
    absWorkingDir: repoRoot,
    bundle: true,
    platform: 'node',
    packages: 'external',
    write: false,
    metafile: true,
    outdir: 'unused',
    loader: { '.graphql': 'text' },
    logLevel: 'error',
  });
  const files = Object.values(result.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([file, input]) => input.bytesInOutput > 0 && file.startsWith('functions/') && !file.includes('/generated/'))
      .map(([file]) => file),
  );
  return [...new Set(files)].sort();
}

/** Errors whose message (or, for NotFoundError, the name of what is missing) is the argument at this index. */
const ERROR_MESSAGE_ARGUMENT: Record<string, number> = { ConflictError: 0, ForbiddenError: 0, RateLimitedError: 0, ExportTooLargeError: 0 };
/** zod factories whose message is the argument at this index (`z.int('must be an integer')`, `z.literal('Polygon', 'must be "Polygon"')`). */
const ZOD_FACTORY_MESSAGE_ARGUMENT: Record<string, number> = { int: 0, number: 0, string: 0, boolean: 0, literal: 1, enum: 1, array: 1, object: 1 };
/** zod checks whose message is any literal argument after the first (`.min(1, 'must not be empty')`, `.refine(test, 'message')`). */
const ZOD_CHECKS = new Set(['regex', 'min', 'max', 'length', 'refine', 'gt', 'gte', 'lt', 'lte', 'nonempty', 'int', 'positive', 'nonnegative']);
/** Calls that name an entity for NOT_FOUND, and the index of the name. */
const ENTITY_LABEL_ARGUMENT: Record<string, number> = { NotFoundError: 0, findById: 1, loadReferenced: 2, EntityRepository: 2 };
/** Object properties that hold text for people: zod issues' `message`, issue events' and routing's `note`. */
const TEXT_PROPERTIES = new Set(['message', 'note']);
/**
 * Messages that leave the API in English on purpose: the answer to an oversized body is sent
 * before GraphQL (and the request's language) is reached, with the code PAYLOAD_TOO_LARGE.
 */
export const ENGLISH_ONLY = new Set(['functions/api/body-limit.ts']);
/** Files whose every string literal is text for people (stored and read back translated), `.join` separators aside. */
const TEXT_FILES = new Set(['functions/app/issues/routing-decision.ts', 'functions/domain/compliance/station-verdict.ts']);

/** The text of a string or template literal, each substitution as `{}`; undefined for anything else. */
export function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => `{}${span.literal.text}`).join('');
  return undefined;
}

/** What an expression may evaluate to: both branches of `a ? b : c`, both sides of `a ?? b` and `a || b`. */
function alternatives(node: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(node)) return alternatives(node.expression);
  if (ts.isConditionalExpression(node)) return [...alternatives(node.whenTrue), ...alternatives(node.whenFalse)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) {
    return [...alternatives(node.left), ...alternatives(node.right)];
  }
  return [node];
}

const calleeName = (expression: ts.Expression): string | undefined =>
  ts.isIdentifier(expression) ? expression.text : ts.isPropertyAccessExpression(expression) ? expression.name.text : undefined;

const isZodFactory = (expression: ts.Expression): boolean =>
  ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === 'z';

export function messagesOf(file: string): FoundMessages {
  const source = ts.createSourceFile(file, readFileSync(join(repoRoot, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: FoundMessages = { messages: [], entityLabels: [], unreadable: [] };
  const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  /** Each literal the expression may be; with `strict`, an expression that may be none is unreadable. */
  const take = (into: SourceMessage[], node: ts.Expression | undefined, strict = true) => {
    if (!node) return;
    const literals = alternatives(node).filter((alternative) => literalText(alternative) !== undefined);
    for (const literal of literals) into.push({ where: where(literal), text: literalText(literal)! });
    if (strict && literals.length === 0) found.unreadable.push({ where: where(node), text: node.getText(source) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
      const name = calleeName(node.expression);
      const args = node.arguments ?? ts.factory.createNodeArray();
      if (name && ts.isNewExpression(node) && name in ERROR_MESSAGE_ARGUMENT) take(found.messages, args[ERROR_MESSAGE_ARGUMENT[name]!]);
      if (name && name in ENTITY_LABEL_ARGUMENT && (ts.isNewExpression(node) || name !== 'NotFoundError')) {
        // Forwarded labels (`this.label`, a `label` parameter) are checked where the label is written.
        const label = args[ENTITY_LABEL_ARGUMENT[name]!];
        if (label && literalText(label) !== undefined) take(found.entityLabels, label);
      }
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'of' && ts.isIdentifier(callee.expression) && callee.expression.text === 'BadUserInputError') {
          take(found.messages, args[1]);
        } else if (ts.isPropertyAccessExpression(callee) && isZodFactory(callee) && callee.name.text in ZOD_FACTORY_MESSAGE_ARGUMENT) {
          take(found.messages, args[ZOD_FACTORY_MESSAGE_ARGUMENT[callee.name.text]!], false);
        } else if (ts.isPropertyAccessExpression(callee) && !isZodFactory(callee) && ZOD_CHECKS.has(callee.name.text)) {
          args.slice(1).forEach((arg) => take(found.messages, arg, false));
        } else if (callee.kind === ts.SyntaxKind.SuperKeyword && file === 'functions/shared/errors.ts') {
          // `super(message)` forwards a message checked where it is written.
          take(found.messages, args[0], false);
        }
      }
    }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && TEXT_PROPERTIES.has(node.name.text)) take(found.messages, node.initializer, false);
    if (TEXT_FILES.has(file) && literalText(node) !== undefined && !ts.isImportDeclaration(node.parent) && !isJoinSeparator(node) && !isTypePosition(node)) {
      take(found.messages, node as ts.Expression);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  found.messages = dedupe(found.messages);
  return found;
}

const isJoinSeparator = (node: ts.Node): boolean =>
  ts.isCallExpression(node.parent) && ts.isPropertyAccessExpression(node.parent.expression) && node.parent.expression.name.text === 'join';

const isTypePosition = (node: ts.Node): boolean => ts.isLiteralTypeNode(node.parent);

function dedupe(messages: SourceMessage[]): SourceMessage[] {
  const seen = new Set<string>();
  return messages.filter((message) => !seen.has(message.text) && !!seen.add(message.text));
}

/** Every message of the API's source files. */
export function apiMessages(): FoundMessages {
  const all = apiSourceFiles().filter((file) => !ENGLISH_ONLY.has(file)).map(messagesOf);
  return {
    messages: dedupe(all.flatMap((found) => found.messages)),
    entityLabels: dedupe(all.flatMap((found) => found.entityLabels)),
    unreadable: all.flatMap((found) => found.unreadable),
  };
}
