/**
 * Vietnamese report text → reporting period, meeting, figures, lagging items and directives.
 * Pure and linear in the input: a tokenizer and hand-written scanners with bounded look-around.
 * Long texts are read in pieces of about 64K characters at line breaks, so memory stays flat;
 * the figures of each piece are read with the period found so far (the whole text, for any text
 * shorter than a piece), and the period and meeting are decided on all pieces at the end.
 */
import { findDirectives } from './directives.js';
import { extractFigures } from './figures.js';
import { findLagging } from './lagging.js';
import { MeetingEvidence } from './meeting.js';
import { PeriodEvidence } from './period.js';
import { chunkRanges, splitSentences, tokenize } from './tokenizer.js';
import type { ExtractedDirective, ExtractedFigure, ExtractOptions, ExtractResult } from './types.js';

export { type ConsistencyInput, type ConsistencyResult, checkConsistency } from './consistency.js';
export { type IndicatorMatch, type IndicatorRef, type MatchOptions, matchIndicators } from './match.js';
export type * from './types.js';

export function extract(text: string, options: ExtractOptions = {}): ExtractResult {
  const source = typeof text === 'string' ? text : '';
  const periodEvidence = new PeriodEvidence();
  const meetingEvidence = new MeetingEvidence();
  const figures: ExtractedFigure[] = [];
  const lagging = new Set<string>();
  let directives: ExtractedDirective[] = [];
  for (const r of chunkRanges(source)) {
    const tokens = tokenize(source, r.from, r.to);
    const sentences = splitSentences(tokens);
    periodEvidence.add(tokens, sentences);
    meetingEvidence.add(tokens, sentences);
    const period = periodEvidence.result(options.year);
    const scopes = { year: period.label === null ? null : period.year, partOfYear: period.partOfYear };
    for (const f of extractFigures(tokens, sentences, scopes)) figures.push(f);
    for (const l of findLagging(source, tokens, sentences)) lagging.add(l);
    if (directives.length === 0) directives = findDirectives(source, tokens, sentences);
  }
  const period = periodEvidence.result(options.year);
  const meeting = meetingEvidence.result({
    year: period.year,
    periodEndMonth: period.window?.toMonth ?? (period.label === null ? null : 12),
  });
  return {
    period: period.label,
    periodWindow: period.window,
    meeting,
    figures,
    lagging: [...lagging],
    directives,
  };
}
