// The share of quotes a tsquery (its text form, as Postgres prints it) can match, from the
// share of quotes that carry each lexeme: the estimate Postgres makes itself (tsquerysel), on
// the same statistics (pg_stats.most_common_elems of quote.search). Words are taken as
// independent; a lexeme missing from the statistics is rarer than the rarest one in them, and
// counts as half of it. `&` and `<->` multiply (a phrase is at most as frequent as its words
// together, which is what the GIN index reads for it), `|` adds, `!` complements.
export interface TsQueryEstimate {
  share: number; // 0..1
  phrase: boolean; // holds a phrase (<-> or <N>), which only the rows themselves can check
}

type Node =
  | { op: 'lexeme'; lexeme: string }
  | { op: '!'; arg: Node }
  | { op: '&' | '|' | '<>'; left: Node; right: Node };

// `unknown`: the share taken for a lexeme missing from `shares` (by default half the rarest;
// callers that estimate often pass it, computed once).
export function estimateTsQuery(
  query: string,
  shares: Map<string, number>,
  unknown = unknownShare(shares),
): TsQueryEstimate {
  const tokens = tokenize(query);
  if (!tokens.length) return { share: 0, phrase: false };
  let at = 0;
  let phrase = false;
  const peek = () => tokens[at];
  const expect = (t: string) => {
    if (tokens[at++] !== t) throw new Error(`Unreadable tsquery: ${query}`);
  };
  // Precedence, loosest first: |, &, <->, !.
  const or = (): Node => {
    let left = and();
    while (peek() === '|') {
      at++;
      left = { op: '|', left, right: and() };
    }
    return left;
  };
  const and = (): Node => {
    let left = follows();
    while (peek() === '&') {
      at++;
      left = { op: '&', left, right: follows() };
    }
    return left;
  };
  const follows = (): Node => {
    let left = unary();
    while (peek()?.startsWith('<')) {
      at++;
      phrase = true;
      left = { op: '<>', left, right: unary() };
    }
    return left;
  };
  const unary = (): Node => {
    const t = tokens[at++];
    if (t === '!') return { op: '!', arg: unary() };
    if (t === '(') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (t?.startsWith("'")) return { op: 'lexeme', lexeme: t.slice(1) };
    throw new Error(`Unreadable tsquery: ${query}`);
  };
  const tree = or();
  if (at !== tokens.length) throw new Error(`Unreadable tsquery: ${query}`);

  const share = (n: Node): number => {
    switch (n.op) {
      case 'lexeme':
        return shares.get(n.lexeme) ?? unknown;
      case '!':
        return 1 - share(n.arg);
      case '|': {
        const a = share(n.left);
        const b = share(n.right);
        return a + b - a * b;
      }
      default:
        return share(n.left) * share(n.right);
    }
  };
  return { share: Math.min(1, Math.max(0, share(tree))), phrase };
}

// Half the share of the rarest lexeme in the statistics; 0 without statistics.
export function unknownShare(shares: Map<string, number>): number {
  let rarest = 1;
  for (const s of shares.values()) rarest = Math.min(rarest, s);
  return shares.size ? rarest / 2 : 0;
}

// Lexemes come out as "'" + the lexeme (quotes un-doubled), with any :weights dropped.
function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i];
    if (c === ' ') i++;
    else if (c === "'") {
      let lexeme = '';
      i++;
      for (;;) {
        if (i >= query.length) throw new Error(`Unreadable tsquery: ${query}`);
        if (query[i] === "'" && query[i + 1] === "'") {
          lexeme += "'";
          i += 2;
        } else if (query[i] === "'") {
          i++;
          break;
        } else if (query[i] === '\\' && i + 1 < query.length) {
          lexeme += query[i + 1];
          i += 2;
        } else lexeme += query[i++];
      }
      if (query[i] === ':') while (i < query.length && /[:*A-Da-d]/.test(query[i])) i++;
      tokens.push(`'${lexeme}`);
    } else if (c === '<') {
      const end = query.indexOf('>', i);
      if (end < 0) throw new Error(`Unreadable tsquery: ${query}`);
      tokens.push(query.slice(i, end + 1));
      i = end + 1;
    } else if ('!&|()'.includes(c)) {
      tokens.push(c);
      i++;
    } else throw new Error(`Unreadable tsquery: ${query}`);
  }
  return tokens;
}
