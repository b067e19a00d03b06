/**
 * Finds, in the TypeScript sources, every error code digicge can give a user, with where it is
 * given: the code of each typed error thrown (`new InputError('CODE', …)` and every other subclass
 * of `DigicgeError` whose constructor takes the code first, and the fixed code a subclass passes to
 * `super`), the reason codes of rejected rows and cells (`reject(…, 'CODE', …)`, `error: { code }`),
 * and codes handed to a helper that throws them (`{ code: 'CODE' }`). Read by the error catalogue's
 * test and by `npm run docs:errors`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One place a code is given. */
export interface CodeSite {
  code: string;
  /** Path relative to the repository root, `:line`. */
  where: string;
  /** The error class thrown, `reject` for a rejected row or cell, or `code` for a code handed to a helper. */
  kind: string;
  /** The message as written at that place (template expressions shown as `‹expr›`), when there is one. */
  message?: string;
}

/** A code: capitals, digits and underscores, with at least one underscore or of the error classes' own. */
export const CODE_PATTERN = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name))
    .filter((f) => !f.includes(`${join('guidelines', 'generated')}`))
    .sort();
}

/** Text of a message argument: string literal as is, template with `‹expr›` for each substitution. */
function messageText(node: ts.Node | undefined, sf: ts.SourceFile): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((s) => `‹${s.expression.getText(sf).replace(/\s+/g, ' ')}›${s.literal.text}`).join('');
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return `${messageText(node.left, sf) ?? '‹…›'}${messageText(node.right, sf) ?? '‹…›'}`;
  }
  return undefined;
}

/** Every string literal that looks like a code, anywhere inside `node` (a ternary gives two). */
function codesIn(node: ts.Node): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && CODE_PATTERN.test(n.text)) out.push(n.text);
    n.forEachChild(visit);
  };
  visit(node);
  return out;
}

/** The error classes (DigicgeError and its subclasses) and, for each, whether its constructor takes the code first. */
function errorClasses(files: readonly ts.SourceFile[]): Map<string, boolean> {
  const parent = new Map<string, string>();
  const codeFirst = new Map<string, boolean | undefined>();
  for (const sf of files) {
    const visit = (n: ts.Node): void => {
      if (ts.isClassDeclaration(n) && n.name) {
        const ext = n.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
        if (ext) parent.set(n.name.text, ext.expression.getText(sf));
        const ctor = n.members.find(ts.isConstructorDeclaration);
        codeFirst.set(n.name.text, ctor ? ctor.parameters[0]?.name.getText(sf) === 'code' : undefined);
      }
      n.forEachChild(visit);
    };
    visit(sf);
  }
  const classes = new Map<string, boolean>([['DigicgeError', true]]);
  const resolve = (name: string, depth = 0): boolean | null => {
    if (name === 'DigicgeError') return true;
    const up = parent.get(name);
    if (up === undefined || depth > 20) return null;
    const inherited = resolve(up, depth + 1);
    if (inherited === null) return null;
    return codeFirst.get(name) ?? inherited;
  };
  for (const name of parent.keys()) {
    const r = resolve(name);
    if (r !== null) classes.set(name, r);
  }
  return classes;
}

/** Functions of a file that take a parameter named `code`: name → position of that parameter. */
function codeTakers(sf: ts.SourceFile): Map<string, number> {
  const out = new Map<string, number>();
  const note = (name: string, params: ts.NodeArray<ts.ParameterDeclaration>) => {
    const k = params.findIndex((p) => p.name.getText(sf) === 'code');
    if (k >= 0) out.set(name, k);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n) && n.name) note(n.name.text, n.parameters);
    if (
      ts.isVariableDeclaration(n) &&
      ts.isIdentifier(n.name) &&
      n.initializer &&
      (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))
    ) {
      note(n.name.text, n.initializer.parameters);
    }
    n.forEachChild(visit);
  };
  visit(sf);
  return out;
}

/** Every place in `src/` (of the repository at `root`) where a code is given. */
export function findCodeSites(root: string): CodeSite[] {
  const files = sourceFiles(join(root, 'src')).map((f) => ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.ES2022, true));
  const classes = errorClasses(files);
  const sites: CodeSite[] = [];
  for (const sf of files) {
    const at = (n: ts.Node) =>
      `${relative(root, sf.fileName).split('\\').join('/')}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    const add = (codes: string[], n: ts.Node, kind: string, message?: string) => {
      for (const code of codes) sites.push({ code, where: at(n), kind, ...(message !== undefined ? { message } : {}) });
    };
    const takers = codeTakers(sf);
    const visit = (n: ts.Node): void => {
      const taker = ts.isCallExpression(n) && ts.isIdentifier(n.expression) ? takers.get(n.expression.text) : undefined;
      if (taker !== undefined && ts.isCallExpression(n) && n.arguments[taker]) {
        add(codesIn(n.arguments[taker]), n, 'code', messageText(n.arguments[taker + 1], sf));
      } else if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && classes.get(n.expression.text) === true && n.arguments?.[0]) {
        add(codesIn(n.arguments[0]), n, n.expression.text, messageText(n.arguments[1], sf));
      } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.SuperKeyword && n.arguments[0]) {
        const cls = n.parent?.parent?.parent?.parent;
        if (cls && ts.isClassDeclaration(cls) && cls.name && classes.has(cls.name.text))
          add(codesIn(n.arguments[0]), n, cls.name.text, messageText(n.arguments[1], sf));
      } else if (ts.isCallExpression(n) && /(^|\.)reject$/.test(n.expression.getText(sf))) {
        for (let k = 0; k < n.arguments.length; k++) {
          const a = n.arguments[k]!;
          if (ts.isStringLiteral(a) && CODE_PATTERN.test(a.text)) add([a.text], n, 'reject', messageText(n.arguments[k + 1], sf));
        }
      } else if (
        ts.isPropertyAssignment(n) &&
        /^(code|\w+Code)$/.test(n.name.getText(sf)) &&
        ts.isStringLiteral(n.initializer) &&
        CODE_PATTERN.test(n.initializer.text)
      ) {
        const obj = n.parent;
        const msg = ts.isObjectLiteralExpression(obj)
          ? obj.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(sf) === 'message')
              ?.initializer
          : undefined;
        const isRowError =
          ts.isObjectLiteralExpression(obj) && ts.isPropertyAssignment(obj.parent) && obj.parent.name.getText(sf) === 'error';
        add([n.initializer.text], n, isRowError ? 'reject' : 'code', messageText(msg, sf));
      }
      n.forEachChild(visit);
    };
    visit(sf);
  }
  return sites;
}
