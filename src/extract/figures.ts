/**
 * Reads the figures of a text, sentence by sentence. Each number opens a figure or continues the
 * open one: a comparison attaches to the figure before it when only commas, "và" or brackets
 * separate them; anything else (a new subject, "trong đó", a semicolon) starts a new figure.
 */

import { hasBreak, isGlue, scopeCue, skipNounTail } from './chain.js';
import { hasRateWord, interpretPercent } from './comparisons.js';
import { type LeftContext, leftContext, rightContext, type Verb } from './context.js';
import { type Draft, draftToFigures, newDraft } from './draft.js';
import { NUMBER_WORDS } from './lexicon.js';
import { clauseStart, clauseVerb, valueRole } from './mentions.js';
import { type AbsChange, resolveParallel } from './parallel.js';
import { clean, type Quantity, readQuantity } from './quantity.js';
import { type ScopeOptions, type SentenceScopes, sentenceScopes } from './scopes.js';
import type { Range, Token } from './tokenizer.js';
import type { ExtractedFigure, FigureScope } from './types.js';

const NO_BRACKETS: ReadonlyMap<number, number> = new Map();
/** Words between a count and the threshold it reached: "4 xã đạt 15 tiêu chí". */
const THRESHOLD_GAP = 8;

function key(tokens: readonly Token[], i: number): string {
  return tokens[i]?.key ?? '';
}

interface SentenceState {
  readonly tokens: readonly Token[];
  readonly s: Range;
  readonly scopes: SentenceScopes;
  readonly opening: ReadonlyMap<number, number>;
  readonly drafts: Draft[];
  readonly abs: AbsChange[];
  open: Draft | null;
  openEnd: number;
  lastValueEnd: number;
  lastAbs: {
    last: number;
    verb: 'up' | 'down';
    unit: string | null;
    subjectless: boolean;
    from: number;
    anchor: number;
  } | null;
  absGlueFrom: number;
  scope: FigureScope;
}

function startDraft(st: SentenceState, init: Partial<Draft>, left: LeftContext, end: number): Draft {
  // The subject starts after the previous figure and the rest of its noun phrase
  // ("12 dự án đầu tư với tổng vốn đăng ký 3.450 tỷ đồng").
  const prev = st.drafts[st.drafts.length - 1];
  let from = clauseStart(st.tokens, left.start, st.s.from, st.opening);
  if (prev !== undefined && prev.end + 1 > from && prev.end < left.start) {
    from = skipNounTail(st.tokens, prev.end + 1, left.start);
  }
  const d = newDraft({
    value: init.value,
    unit: init.unit,
    pots: init.pots,
    change: init.change,
    lastVerb: init.lastVerb,
    unitTokens: init.unitTokens,
    subjectFrom: from,
    anchor: left.start,
    end,
    scope: st.scope,
  });
  st.drafts.push(d);
  st.open = d;
  st.openEnd = end + 1;
  return d;
}

/** The open figure now reaches token `end`; its last comparison verb is `verb`. */
function extend(st: SentenceState, d: Draft, end: number, verb: Verb): void {
  d.end = end;
  d.lastVerb = verb;
  st.openEnd = end + 1;
}

function readPercent(st: SentenceState, q: Quantity, left: LeftContext): void {
  const { tokens, s } = st;
  const right = rightContext(tokens, q.last + 1, s.to);
  const end = Math.max(q.last, right.end);
  const abs = st.lastAbs;
  const bracket = left.start - 1;
  if (
    abs !== null &&
    tokens[bracket]?.text === '(' &&
    skipNounTail(tokens, abs.last + 1, bracket) === bracket
  ) {
    // "giảm 12 vụ (giảm 8,5%)", "tăng 3 người (7,1%)": the percentage belongs to the change before it;
    // its sign is written, or given by its own verb, or by the change's.
    let up = abs.verb === 'up';
    if (left.verb === 'up' || left.verb === 'down') up = left.verb === 'up';
    if (q.negative) up = false;
    st.abs.push({
      pct: up ? q.value : -q.value,
      unit: abs.unit,
      subjectless: abs.subjectless,
      from: abs.from,
      anchor: abs.anchor,
      end,
    });
    st.absGlueFrom = (st.scopes.closing.get(left.start - 1) ?? end) + 1;
    return;
  }
  const open = st.open;
  const tail = open !== null && open.value !== null && open.unit !== '%';
  const gapFrom = tail ? skipNounTail(tokens, st.openEnd, left.start) : st.openEnd;
  const attached = open !== null && isGlue(tokens, gapFrom, left.start);
  const cs = clauseStart(tokens, left.start, s.from, st.opening);
  const meaning = interpretPercent({
    value: q.value,
    negative: q.negative,
    left,
    right,
    rate: hasRateWord(tokens, cs, left.start),
    clauseVerb: left.verb === 'none' ? clauseVerb(tokens, cs, left.start) : null,
    inherited: attached ? open.lastVerb : null,
    attached,
  });
  const verb: Verb =
    (left.verb === 'and' || left.verb === 'none') && attached ? (open.lastVerb ?? left.verb) : left.verb;
  switch (meaning.kind) {
    case 'skip':
      return;
    case 'drop':
      if (attached) extend(st, open, end, verb);
      else st.open = null;
      return;
    case 'rate':
      startDraft(st, { value: meaning.pct, unit: '%', lastVerb: verb }, left, end);
      return;
    case 'exceed': {
      // "vượt 3,5% kế hoạch" is 103,5%; a margin over a rate target or "vượt 110%" says nothing.
      const usable = meaning.pct < 100;
      if (attached) {
        if (usable && open.value !== null && open.unit !== '%') {
          open.pots.push({ pct: clean(100 + meaning.pct), basis: meaning.basis });
        }
        extend(st, open, end, verb);
      } else if (usable) {
        startDraft(
          st,
          { pots: [{ pct: clean(100 + meaning.pct), basis: meaning.basis }], lastVerb: verb },
          left,
          end,
        );
      }
      return;
    }
    case 'pot':
      if (attached) {
        open.pots.push({ pct: meaning.pct, basis: meaning.basis });
        extend(st, open, end, verb);
      } else
        startDraft(st, { pots: [{ pct: meaning.pct, basis: meaning.basis }], lastVerb: verb }, left, end);
      return;
    case 'change':
      if (attached) {
        if (open.change === null) open.change = meaning.pct;
        extend(st, open, end, verb);
      } else startDraft(st, { change: meaning.pct, lastVerb: verb }, left, end);
      return;
  }
}

function readValue(st: SentenceState, q: Quantity, left: LeftContext): void {
  const { tokens, s } = st;
  const role = valueRole(tokens, q, s, left);
  if (role === 'skip') return;
  const cs = clauseStart(tokens, left.start, s.from, st.opening);
  if (role === 'abs') {
    const from = Math.max(cs, st.absGlueFrom);
    const subjectless = key(tokens, cs) === 'so' || isGlue(tokens, from, left.start);
    st.lastAbs = {
      last: q.last,
      verb: left.verb === 'up' ? 'up' : 'down',
      unit: q.unit,
      subjectless,
      from: cs,
      anchor: left.start,
    };
    st.open = null;
    return;
  }
  // "4 xã đạt 15 tiêu chí": the second number is a threshold the first one reached.
  const gap = left.start - st.lastValueEnd;
  if (key(tokens, left.start) === 'đạt' && st.lastValueEnd >= 0 && gap <= THRESHOLD_GAP) {
    if (!hasBreak(tokens, st.lastValueEnd, left.start)) return;
  }
  const n = q.at;
  startDraft(
    st,
    { value: q.value, unit: q.unit, unitTokens: q.unit === null ? null : { from: n + 1, to: q.last + 1 } },
    left,
    q.last,
  );
  st.lastValueEnd = q.last + 1;
}

function readSentence(tokens: readonly Token[], s: Range, opts: ScopeOptions, previous: Draft[]): Draft[] {
  const scopes = sentenceScopes(tokens, s, opts);
  let opening = NO_BRACKETS;
  if (scopes.closing.size > 0) {
    const m = new Map<number, number>();
    for (const [o, c] of scopes.closing) m.set(c, o);
    opening = m;
  }
  const st: SentenceState = {
    tokens,
    s,
    scopes,
    opening,
    drafts: [],
    abs: [],
    open: null,
    openEnd: s.from,
    lastValueEnd: -1,
    lastAbs: null,
    absGlueFrom: s.from,
    scope: null,
  };
  const stack: { open: Draft | null; openEnd: number }[] = [];
  for (let i = s.from; i < s.to; ) {
    const t = tokens[i] as Token;
    st.scope = scopeCue(tokens, i) ?? st.scope;
    if (t.kind === 'punct') {
      if (t.text === '(') stack.push({ open: st.open, openEnd: st.openEnd });
      else if (t.text === ')') {
        const f = stack.pop();
        if (f !== undefined) {
          st.open = f.open;
          st.openEnd = i + 1;
        }
      } else if (t.text === ';') {
        st.open = null;
        st.lastAbs = null;
        st.lastValueEnd = -1;
      }
      i++;
      continue;
    }
    const q = t.kind === 'num' || NUMBER_WORDS[t.key] !== undefined ? readQuantity(tokens, i) : null;
    if (q === null) {
      i++;
      continue;
    }
    i = q.last + 1;
    if (q.timeUnit && q.unit === 'tháng' && q.value >= 2) st.scope = 'cumulative';
    if (q.shape !== 'number' || scopes.isBlocked(q.at)) continue;
    const left = leftContext(tokens, q.first, s.from);
    if (q.percent) readPercent(st, q, left);
    else readValue(st, q, left);
  }
  const standalone = resolveParallel(st.drafts, previous, st.abs);
  for (const a of standalone) {
    st.drafts.push(
      newDraft({ change: a.pct, subjectFrom: a.from, anchor: a.anchor, end: a.end, scope: st.scope }),
    );
  }
  st.drafts.sort((a, b) => a.anchor - b.anchor);
  return st.drafts;
}

export function extractFigures(
  tokens: readonly Token[],
  sentences: readonly Range[],
  opts: ScopeOptions,
): ExtractedFigure[] {
  const out: ExtractedFigure[] = [];
  let previous: Draft[] = [];
  let previousEnd = 0;
  // A sentence's drafts are written out only after the next one is read: it may still add
  // their changes ("… 26 vụ. So với cùng kỳ, giảm 4 vụ (-13,3%)").
  const flush = () => {
    // "…, lũy kế 10 tháng đạt 410 tỷ đồng": a subject left empty repeats the one before it.
    let last = '';
    for (const d of previous) {
      for (const f of draftToFigures(tokens, d, previousEnd)) {
        out.push(f.indicator === '' && last !== '' ? { ...f, indicator: last } : f);
        if (f.indicator !== '') last = f.indicator;
      }
    }
  };
  for (const s of sentences) {
    const drafts = readSentence(tokens, s, opts, previous);
    flush();
    previous = drafts;
    previousEnd = s.to;
  }
  flush();
  return out;
}
