/**
 * The bundled reference case studies (Markdown + front matter, see case-studies/*.md), and how a
 * doc is matched to one: front matter `caseStudy` wins; otherwise the case study whose problem,
 * tags and title words the doc mentions most.
 */
import type { DesignDoc } from '../core/types';
import { splitFrontMatter } from './front-matter-split';
import adClick from './case-studies/ad-click-prediction.md';
import eventRec from './case-studies/event-recommendation.md';
import harmful from './case-studies/harmful-content-detection.md';
import newsFeed from './case-studies/news-feed.md';
import fraud from './case-studies/payment-fraud-detection.md';
import pymk from './case-studies/people-you-may-know.md';
import searchRanking from './case-studies/search-ranking.md';
import similarListings from './case-studies/similar-listings.md';
import streetView from './case-studies/street-view-blurring.md';
import videoRec from './case-studies/video-recommendation.md';
import videoSearch from './case-studies/video-search.md';
import visualSearch from './case-studies/visual-search.md';

export const caseStudySources: Record<string, string> = {
  'ad-click-prediction': adClick,
  'event-recommendation': eventRec,
  'harmful-content-detection': harmful,
  'news-feed': newsFeed,
  'payment-fraud-detection': fraud,
  'people-you-may-know': pymk,
  'search-ranking': searchRanking,
  'similar-listings': similarListings,
  'street-view-blurring': streetView,
  'video-recommendation': videoRec,
  'video-search': videoSearch,
  'visual-search': visualSearch,
};

export interface CaseStudy {
  id: string;
  title: string;
  problem: string;
  category: string;
  tags: string[];
  summary: string;
  markdown: string;
}

let loaded: CaseStudy[] | undefined;

export function caseStudies(): CaseStudy[] {
  if (!loaded) {
    loaded = Object.entries(caseStudySources).map(([file, text]) => {
      const { data } = splitFrontMatter(text);
      return {
        id: String(data.id ?? file),
        title: String(data.title ?? file),
        problem: String(data.problem ?? 'other'),
        category: String(data.category ?? ''),
        tags: Array.isArray(data.tags) ? data.tags.map(String) : [],
        summary: String(data.summary ?? ''),
        markdown: text,
      };
    });
  }
  return loaded;
}

export function caseStudyIds(): string[] {
  return caseStudies().map((c) => c.id);
}

export function findCaseStudy(id: string): CaseStudy | undefined {
  return caseStudies().find((c) => c.id === id);
}

const STOP = new Set(['and', 'the', 'for', 'with', 'on', 'in', 'of', 'a', 'detection', 'prediction', 'search', 'recommendation']);

/** Best-matching case study for a doc that does not name one, or undefined when nothing fits. */
export function suggestCaseStudy(doc: DesignDoc, lines: string[]): string | undefined {
  if (!doc.isDesignDoc) return undefined;
  const head = lines.slice(0, 400).join('\n').toLowerCase();
  let best: { id: string; score: number } | undefined;
  for (const cs of caseStudies()) {
    let score = 0;
    if (doc.problemType && doc.problemType === cs.problem) score += 2;
    const words = new Set([...cs.tags, ...cs.title.toLowerCase().split(/[^a-z0-9]+/)].map((w) => w.toLowerCase()).filter((w) => w.length > 2 && !STOP.has(w)));
    for (const w of words) if (head.includes(w)) score += 1;
    if (head.includes(cs.title.toLowerCase())) score += 5;
    if (!best || score > best.score) best = { id: cs.id, score };
  }
  return best && best.score >= 2 ? best.id : undefined;
}
