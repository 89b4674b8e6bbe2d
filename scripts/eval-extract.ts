/**
 * Scores src/extract against a labelled JSONL file (the corpus schema): precision, recall and F1
 * over figures, accuracy of period, meeting date and chair, and the misses passage by passage.
 *
 *   tsx scripts/eval-extract.ts FILE.jsonl [--json]
 *
 * A figure matches when value, percent of target, target basis and same-period change all agree
 * (numbers within 0.01, nulls equal); the indicator phrase is not scored. Matching is greedy and
 * one-to-one within a passage.
 */
import { readFileSync } from 'node:fs';
import { extract } from '../src/extract/index.js';

interface GoldFigure {
  indicator: string;
  value: number | null;
  unit: string | null;
  percent_of_target: number | null;
  target_basis: string | null;
  change_vs_same_period_pct: number | null;
}

interface Passage {
  source: string;
  text: string;
  figures: GoldFigure[];
  period: string | null;
  meeting: { date: string | null; chair: string | null } | null;
}

interface Comparable {
  indicator: string;
  value: number | null;
  percentOfTarget: number | null;
  targetBasis: string | null;
  changeVsSamePeriodPct: number | null;
}

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 0.01;
}

function same(a: Comparable, b: Comparable): boolean {
  return (
    close(a.value, b.value) &&
    close(a.percentOfTarget, b.percentOfTarget) &&
    a.targetBasis === b.targetBasis &&
    close(a.changeVsSamePeriodPct, b.changeVsSamePeriodPct)
  );
}

function normaliseChair(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  return s
    .normalize('NFC')
    .toLowerCase()
    .split(';')
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter((p) => p !== '')
    .join('; ');
}

function show(f: Comparable): string {
  const parts = [`value=${f.value}`];
  if (f.percentOfTarget !== null)
    parts.push(`pot=${f.percentOfTarget}${f.targetBasis ? ` ${f.targetBasis}` : ''}`);
  else if (f.targetBasis !== null) parts.push(`basis=${f.targetBasis}`);
  if (f.changeVsSamePeriodPct !== null) parts.push(`chg=${f.changeVsSamePeriodPct}`);
  return `${parts.join(' ')}  «${f.indicator}»`;
}

interface PassageReport {
  index: number;
  source: string;
  missing: Comparable[];
  spurious: Comparable[];
  period: { gold: string | null; got: string | null };
  date: { gold: string | null; got: string | null };
  chair: { gold: string | null; got: string | null };
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const file = args.find((a) => !a.startsWith('--'));
  if (file === undefined) {
    console.error('Cách dùng: tsx scripts/eval-extract.ts FILE.jsonl [--json]');
    process.exit(2);
  }
  const passages: Passage[] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Passage);

  let tp = 0;
  let goldCount = 0;
  let predCount = 0;
  let periodOk = 0;
  let dateOk = 0;
  let chairOk = 0;
  let dateLabelled = 0;
  let dateLabelledOk = 0;
  let chairLabelled = 0;
  let chairLabelledOk = 0;
  const reports: PassageReport[] = [];
  const started = performance.now();

  passages.forEach((p, index) => {
    const r = extract(p.text);
    const gold: Comparable[] = p.figures.map((f) => ({
      indicator: f.indicator,
      value: f.value,
      percentOfTarget: f.percent_of_target,
      targetBasis: f.target_basis,
      changeVsSamePeriodPct: f.change_vs_same_period_pct,
    }));
    const pred: Comparable[] = r.figures.map((f) => ({ ...f }));
    const used = new Set<number>();
    const missing: Comparable[] = [];
    for (const g of gold) {
      const k = pred.findIndex((f, i) => !used.has(i) && same(g, f));
      if (k === -1) missing.push(g);
      else used.add(k);
    }
    const spurious = pred.filter((_, i) => !used.has(i));
    tp += used.size;
    goldCount += gold.length;
    predCount += pred.length;

    const goldDate = p.meeting?.date ?? null;
    const gotDate = r.meeting?.date ?? null;
    const goldChair = normaliseChair(p.meeting?.chair);
    const gotChair = normaliseChair(r.meeting?.chair);
    if (p.period === r.period) periodOk++;
    if (goldDate === gotDate) dateOk++;
    if (goldChair === gotChair) chairOk++;
    if (goldDate !== null) {
      dateLabelled++;
      if (goldDate === gotDate) dateLabelledOk++;
    }
    if (goldChair !== null) {
      chairLabelled++;
      if (goldChair === gotChair) chairLabelledOk++;
    }
    reports.push({
      index,
      source: p.source,
      missing,
      spurious,
      period: { gold: p.period, got: r.period },
      date: { gold: goldDate, got: gotDate },
      chair: { gold: p.meeting?.chair ?? null, got: r.meeting?.chair ?? null },
    });
  });

  const precision = predCount === 0 ? 0 : tp / predCount;
  const recall = goldCount === 0 ? 0 : tp / goldCount;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const n = passages.length;
  const summary = {
    passages: n,
    figures: { gold: goldCount, predicted: predCount, matched: tp, precision, recall, f1 },
    period: { accuracy: periodOk / n, correct: periodOk },
    meetingDate: {
      accuracy: dateOk / n,
      correct: dateOk,
      labelled: dateLabelled,
      labelledCorrect: dateLabelledOk,
    },
    chair: {
      accuracy: chairOk / n,
      correct: chairOk,
      labelled: chairLabelled,
      labelledCorrect: chairLabelledOk,
    },
    millis: Math.round(performance.now() - started),
  };

  if (json) {
    console.log(JSON.stringify({ summary, passages: reports }, null, 2));
    return;
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  for (const r of reports) {
    const bad =
      r.missing.length > 0 ||
      r.spurious.length > 0 ||
      r.period.gold !== r.period.got ||
      r.date.gold !== r.date.got ||
      normaliseChair(r.chair.gold) !== normaliseChair(r.chair.got);
    if (!bad) continue;
    console.log(`\n#${r.index} ${r.source}`);
    if (r.period.gold !== r.period.got) console.log(`  period: gold ${r.period.gold} | got ${r.period.got}`);
    if (r.date.gold !== r.date.got) console.log(`  date:   gold ${r.date.gold} | got ${r.date.got}`);
    if (normaliseChair(r.chair.gold) !== normaliseChair(r.chair.got))
      console.log(`  chair:  gold ${r.chair.gold} | got ${r.chair.got}`);
    for (const m of r.missing) console.log(`  - missing  ${show(m)}`);
    for (const s of r.spurious) console.log(`  + spurious ${show(s)}`);
  }
  console.log('\nFigures');
  console.log(`  gold ${goldCount}, predicted ${predCount}, matched ${tp}`);
  console.log(`  precision ${pct(precision)}  recall ${pct(recall)}  F1 ${pct(f1)}`);
  console.log(`Period accuracy        ${pct(summary.period.accuracy)} (${periodOk}/${n})`);
  console.log(
    `Meeting date accuracy  ${pct(summary.meetingDate.accuracy)} (${dateOk}/${n}; labelled dates ${dateLabelledOk}/${dateLabelled})`,
  );
  console.log(
    `Chair accuracy         ${pct(summary.chair.accuracy)} (${chairOk}/${n}; labelled chairs ${chairLabelledOk}/${chairLabelled})`,
  );
}

main();
