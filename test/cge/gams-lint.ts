/**
 * A small, independent reader of GAMS programs, written from the GAMS language rules (not from
 * digicge's GAMS parser), to check what digicge hands over to GAMS when no GAMS is at hand:
 * - a `*` in column 1 starts a comment line; `$onText … $offText` is a comment block;
 * - every symbol is declared before it is used, and declared once, names compared without case;
 * - every equation of the model is declared and defined once (`name(domain)$cond.. lhs =e= rhs`);
 * - the model is square for `solve … using cns`: its scalar equations (domain tuples where the
 *   equation's `$` condition holds) as many as the scalar variables they use that are not fixed.
 * Conditions are evaluated for the forms a CGE hand-over writes: parameter references, `<>`, `=`,
 * `and`, `or`, `not`, brackets and numbers.
 */

interface Tok {
  t: string;
  line: number;
  col: number;
}

type Sym =
  | { kind: 'set'; elements: string[] }
  | { kind: 'parameter'; domain: string[]; values: Map<string, number> }
  | { kind: 'variable'; domain: string[]; fixed: Set<string> }
  | { kind: 'equation'; domain: string[]; defined: boolean; rows: number; uses: Set<string> }
  | { kind: 'model'; equations: string[] };

/** What the reader found. */
export interface LintReport {
  errors: string[];
  /** Scalar equations and free scalar variables of each solve, by model. */
  solves: { model: string; rows: number; columns: number }[];
}

const KEYWORDS = new Set([
  'sum',
  'prod',
  'exp',
  'log',
  'sqrt',
  'abs',
  'power',
  'sqr',
  'and',
  'or',
  'not',
  'inf',
  'eps',
  'min',
  'max',
  'using',
  'cns',
  'mcp',
  'nlp',
]);
const TOKEN = /'[^']*'|"[^"]*"|[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\.|=[eEgGlL]=|\*\*|<>|<=|>=|[-+*/=<>$(),;.]/y;

function tokens(text: string, errors: string[]): Tok[] {
  const out: Tok[] = [];
  let block = false;
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^\$offtext/i.test(line)) return void (block = false);
    if (/^\$ontext/i.test(line)) return void (block = true);
    if (/^\$(on|off)empty\s*$/i.test(line)) return void out.push({ t: line.trim().toLowerCase(), line: i + 1, col: 1 });
    if (block || line.startsWith('*') || line.startsWith('$')) return;
    let p = 0;
    while (p < line.length) {
      if (/\s/.test(line[p])) {
        p++;
        continue;
      }
      TOKEN.lastIndex = p;
      const m = TOKEN.exec(line);
      if (!m) {
        errors.push(`line ${i + 1} column ${p + 1}: "${line[p]}" is not GAMS`);
        return;
      }
      out.push({ t: m[0], line: i + 1, col: p + 1 });
      p += m[0].length;
    }
  });
  return out;
}

function statements(toks: Tok[]): Tok[][] {
  const out: Tok[][] = [];
  let cur: Tok[] = [];
  let depth = 0;
  for (const k of toks) {
    if (k.t === '(') depth++;
    if (k.t === ')') depth--;
    if (k.t === ';' && depth === 0) {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(k);
  }
  if (cur.length) out.push(cur);
  return out;
}

const unq = (s: string) => (/^['"]/.test(s) ? s.slice(1, -1) : s);
const isName = (s: string) => /^[A-Za-z_]/.test(s);

/** Reads a GAMS program and reports what breaks the rules above. */
export function lintGams(text: string): LintReport {
  const errors: string[] = [];
  const syms = new Map<string, Sym>();
  const solves: LintReport['solves'] = [];
  const declare = (name: string, sym: Sym, at: Tok) => {
    const key = name.toLowerCase();
    if (syms.has(key)) errors.push(`line ${at.line}: ${name} is declared twice (names are case-insensitive)`);
    syms.set(key, sym);
  };
  const get = (name: string) => syms.get(name.toLowerCase());
  const setOf = (name: string, at: Tok): string[] => {
    if (name === '*') return [];
    const s = get(name);
    if (s?.kind !== 'set') {
      errors.push(`line ${at.line}: ${name} is used as a set before it is declared as one`);
      return [];
    }
    return s.elements;
  };
  /** Reads `(a,b)` at k; returns names and the index after `)`. */
  const parenList = (st: Tok[], k: number): [string[], number] => {
    const names: string[] = [];
    if (st[k]?.t !== '(') return [names, k];
    k++;
    while (st[k] && st[k].t !== ')') {
      if (st[k].t !== ',') names.push(st[k].t);
      k++;
    }
    return [names, k + 1];
  };
  const tuplesOf = (domain: string[], at: Tok): string[][] => {
    let acc: string[][] = [[]];
    for (const d of domain) acc = acc.flatMap((t) => setOf(d, at).map((e) => [...t, e]));
    return acc;
  };

  let onEmpty = false;
  for (const st0 of statements(tokens(text, errors))) {
    let st = st0;
    while (st[0]?.t === '$onempty' || st[0]?.t === '$offempty') {
      onEmpty = st[0].t === '$onempty';
      st = st.slice(1);
    }
    if (!st.length) continue;
    const kw = st[0].t.toLowerCase();
    if (kw === 'set') {
      const name = st[1].t;
      let [parent, k] = parenList(st, 2);
      if (parent.length) setOf(parent[0], st[0]);
      if (st[k]?.t.startsWith("'")) k++;
      const elements = st
        .slice(k + 1, st.length - 1)
        .filter((x) => x.t !== ',')
        .map((x) => unq(x.t));
      if (!elements.length && !onEmpty) errors.push(`line ${st[0].line}: set ${name} is empty without $onEmpty`);
      declare(name, { kind: 'set', elements }, st[0]);
    } else if (kw === 'alias') {
      const [names] = parenList(st, 1);
      declare(names[1], { kind: 'set', elements: setOf(names[0], st[0]) }, st[0]);
    } else if (kw === 'scalar' || kw === 'parameter') {
      const name = st[1].t;
      let [domain, k] = parenList(st, 2);
      for (const d of domain) setOf(d, st[0]);
      if (st[k]?.t.startsWith("'")) k++;
      const values = new Map<string, number>();
      if (st[k]?.t === '/') {
        const body = st.slice(k + 1, st.length - 1);
        if (!domain.length) values.set('', Number(body.map((x) => x.t).join('')));
        else {
          const byLine = new Map<number, Tok[]>();
          for (const x of body) byLine.set(x.line, [...(byLine.get(x.line) ?? []), x]);
          for (const line of byLine.values()) {
            const num = Number(
              line
                .slice(line.findIndex((x) => !x.t.startsWith("'") && x.t !== '.'))
                .map((x) => x.t)
                .join(''),
            );
            values.set(
              line
                .filter((x) => x.t.startsWith("'"))
                .map((x) => unq(x.t))
                .join('.'),
              num,
            );
          }
        }
      }
      declare(name, { kind: 'parameter', domain, values }, st[0]);
    } else if (kw === 'variable') {
      const [domain] = parenList(st, 2);
      for (const d of domain) setOf(d, st[0]);
      declare(st[1].t, { kind: 'variable', domain, fixed: new Set() }, st[0]);
    } else if (kw === 'equation') {
      for (let k = 1; k < st.length; ) {
        const name = st[k].t;
        const [domain, next] = parenList(st, k + 1);
        for (const d of domain) setOf(d, st[k]);
        declare(name, { kind: 'equation', domain, defined: false, rows: 0, uses: new Set() }, st[k]);
        k = st[next]?.t.startsWith("'") ? next + 1 : next;
      }
    } else if (kw === 'model') {
      const list = st
        .slice(3, st.length - 1)
        .filter((x) => x.t !== ',')
        .map((x) => x.t);
      for (const e of list) {
        const s = get(e);
        if (s?.kind !== 'equation') errors.push(`line ${st[0].line}: model lists ${e}, which is not a declared equation`);
        else if (!s.defined) errors.push(`line ${st[0].line}: model lists ${e}, which is never defined`);
      }
      declare(st[1].t, { kind: 'model', equations: list }, st[0]);
    } else if (kw === 'solve') {
      const m = get(st[1].t);
      if (m?.kind !== 'model') {
        errors.push(`line ${st[0].line}: solve of ${st[1].t}, which is not a model`);
        continue;
      }
      let rows = 0;
      const used = new Set<string>();
      for (const e of m.equations) {
        const s = get(e);
        if (s?.kind !== 'equation') continue;
        rows += s.rows;
        for (const u of s.uses) used.add(u);
      }
      let columns = 0;
      for (const u of used) {
        const v = get(u) as Extract<Sym, { kind: 'variable' }>;
        columns += tuplesOf(v.domain, st[0]).length - v.fixed.size;
      }
      solves.push({ model: st[1].t, rows, columns });
      if (rows !== columns) errors.push(`line ${st[0].line}: model ${st[1].t} is not square: ${rows} equations, ${columns} free variables`);
    } else if (st.some((x) => x.t === '..')) {
      lintEquation(st);
    } else if (st[1]?.t === '.' && /^(l|lo|up|fx)$/i.test(st[2]?.t ?? '')) {
      const v = get(st[0].t);
      if (v?.kind !== 'variable') {
        errors.push(`line ${st[0].line}: ${st[0].t}.${st[2].t} before ${st[0].t} is declared as a variable`);
        continue;
      }
      const [args] = parenList(st, 3);
      usedDeclared(st.slice(st.findIndex((x) => x.t === '=') + 1));
      const key = args.map(unq).join('.');
      // .fx sets both bounds; a later .lo or .up frees the element again.
      if (st[2].t.toLowerCase() === 'fx') v.fixed.add(key);
      else if (/^(lo|up)$/i.test(st[2].t)) v.fixed.delete(key);
    } else if (get(st[0].t)?.kind === 'parameter' && st.some((x) => x.t === '=')) {
      const [args] = parenList(st, 1);
      for (const a of args) if (!/^['"]/.test(a)) setOf(a, st[0]);
      usedDeclared(st.slice(1));
    } else errors.push(`line ${st[0].line}: a statement the reader does not know starts with "${st[0].t}"`);
  }

  /** Every name in these tokens is declared (or a function, keyword or attribute). */
  function usedDeclared(ts: Tok[]): void {
    ts.forEach((x, i) => {
      if (!isName(x.t) || KEYWORDS.has(x.t.toLowerCase()) || ts[i - 1]?.t === '.') return;
      if (!get(x.t)) errors.push(`line ${x.line} column ${x.col}: ${x.t} is used before it is declared`);
    });
  }

  function lintEquation(st: Tok[]): void {
    const s = get(st[0].t);
    if (s?.kind !== 'equation') return void errors.push(`line ${st[0].line}: ${st[0].t} is defined before it is declared as an equation`);
    if (s.defined) errors.push(`line ${st[0].line}: ${st[0].t} is defined twice`);
    s.defined = true;
    const [domain, k] = parenList(st, 1);
    const dd = st.findIndex((x) => x.t === '..');
    const cond = st[k]?.t === '$' ? st.slice(k + 1, dd) : [];
    const body = st.slice(dd + 1);
    if (body.filter((x) => /^=[eE]=$/.test(x.t)).length !== 1) errors.push(`line ${st[0].line}: ${st[0].t} needs one =e=`);
    for (let i = 0; i < body.length; i++) {
      const x = body[i];
      if (!isName(x.t) || KEYWORDS.has(x.t.toLowerCase())) continue;
      const sym = get(x.t);
      if (!sym) errors.push(`line ${x.line} column ${x.col}: ${x.t} is used before it is declared`);
      else if (sym.kind === 'variable') s.uses.add(x.t.toLowerCase());
      else if (sym.kind !== 'parameter' && sym.kind !== 'set')
        errors.push(`line ${x.line}: ${x.t} (${sym.kind}) cannot appear in an equation`);
    }
    s.rows = tuplesOf(domain, st[0]).filter((t) => {
      const b = new Map(domain.map((d, i) => [d.toLowerCase(), t[i]]));
      return !cond.length || evalCond(cond, b, st[0]) !== 0;
    }).length;
  }

  function evalCond(ts: Tok[], b: Map<string, string>, at: Tok): number {
    let p = 0;
    const peek = () => ts[p]?.t.toLowerCase();
    const or = (): number => {
      let v = and();
      while (peek() === 'or') p++, (v = and() !== 0 || v !== 0 ? 1 : 0);
      return v;
    };
    const and = (): number => {
      let v = not();
      while (peek() === 'and') {
        p++;
        const w = not();
        v = v !== 0 && w !== 0 ? 1 : 0;
      }
      return v;
    };
    const not = (): number => (peek() === 'not' ? (p++, not() === 0 ? 1 : 0) : cmp());
    const cmp = (): number => {
      const v = prim();
      if (peek() === '<>') return (p++, v !== prim() ? 1 : 0);
      if (peek() === '=') return (p++, v === prim() ? 1 : 0);
      return v;
    };
    const prim = (): number => {
      const x = ts[p++];
      if (!x) return (errors.push(`line ${at.line}: condition ends early`), 0);
      if (x.t === '(') {
        const v = or();
        p++;
        return v;
      }
      if (/^\d/.test(x.t)) return Number(x.t);
      const sym = get(x.t);
      if (sym?.kind !== 'parameter') return (errors.push(`line ${x.line}: condition uses ${x.t}, which is not a declared parameter`), 0);
      let args: string[] = [];
      if (ts[p]?.t === '(') {
        [args, p] = parenList(ts, p);
      }
      const key = args.map((a) => (/^['"]/.test(a) ? unq(a) : (b.get(a.toLowerCase()) ?? '?'))).join('.');
      return sym.values.get(key) ?? 0;
    };
    return or();
  }

  for (const [name, s] of syms) if (s.kind === 'equation' && !s.defined) errors.push(`${name} is declared but never defined`);
  return { errors, solves };
}
