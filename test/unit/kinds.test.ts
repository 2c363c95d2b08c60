/**
 * Document kinds: only design docs get design findings, templates structural ones and topic gaps, anything else
 * none — and the shells can still lint a file as a design doc on request. Docs written for the test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from './support/fixtures';

const asShell = { asDesignDoc: false };

const modelCard = `# Model card: parcel-size estimator

## Model details

A convolutional network that estimates parcel volume from one photo. Trained by the logistics team.

## Intended use

Sorting centres, to route parcels to the right belt. Not for pricing.

## Out-of-scope use

Anything involving people in the picture.

## Training data

Forty thousand labelled photos from three sorting centres.

## Evaluation

Mean absolute error of 6 % on a held-out centre; the model is retrained monthly and monitored for drift.

## Deployment

Served behind an API on one GPU.
`;

const lesson = `# Lesson 4: how to answer the evaluation question in an ML interview

In this lesson you will learn what the interviewer expects when they ask about metrics.

## What is an offline metric?

Precision, recall and NDCG are computed on held-out data before launch. The interviewer wants the
metric tied to the task.

## Common mistakes

Reporting accuracy on a fraud model; forgetting the online A/B test; no baseline model.

## Practice questions

Which metric would you pick for a feed ranker, and why? How do you serve and monitor it?
`;

const readme = `# parcel-tools

Utilities for the sorting centre.

## Installation

\`\`\`sh
pip install parcel-tools
\`\`\`

## Usage

Run \`parcel-tools scan\` to read the belt cameras. The model directory holds the trained weights.

## Contributing

Open a pull request; the data folder has sample features and labels.

## License

MIT
`;

const template = `# Design doc template

## Requirements

- What business goal does the system serve?
- How many users, and what latency?

## Data

- Where do labels come from?
- [Describe the features]

## Model

- What baseline will the model beat?

## Evaluation

- Which offline metrics? Which online test?
`;

for (const [name, text, kind] of [['model card', modelCard, 'model-card'], ['lesson', lesson, 'lesson'], ['README', readme, 'readme']] as const) {
  test(`a ${name} is no design doc and gets no findings at all`, () => {
    const { doc, findings } = analyzeText(text, asShell);
    assert.equal(doc.kind, kind, doc.kindReason);
    assert.equal(doc.isDesignDoc, false);
    assert.deepEqual(findings.map((f) => f.ruleId), []);
    assert.ok(doc.kindReason.length > 5, 'the kind comes with a reason');
  });
}

test('a file the user marks as a design doc is linted whatever it looks like', () => {
  const { findings } = analyzeText(readme, { asDesignDoc: true });
  assert.ok(findings.some((f) => f.ruleId === 'missing-step'));
});

test('front matter mlsd: true decides the kind', () => {
  const { doc } = analyzeText(`---\nmlsd: true\n---\n${readme}`, asShell);
  assert.equal(doc.isDesignDoc, true);
});

test('an unfilled template gets structural findings and the topics it never asks about, no content findings', () => {
  const { doc, findings } = analyzeText(template, asShell);
  assert.equal(doc.kind, 'template', doc.kindReason);
  assert.equal(doc.isDesignDoc, true);
  const rules = new Set(findings.map((f) => f.ruleId));
  assert.ok(rules.has('missing-step'), 'serving and monitoring are still missing');
  for (const content of ['unfilled-placeholder', 'empty-step', 'unjustified-model-choice', 'unquantified-requirements']) {
    assert.ok(!rules.has(content), `${content} is not reported on a template`);
  }
  // The template asks about labels and features but never about the split: docs written from it will skip it.
  const data = findings.find((f) => f.ruleId === 'missing-topic' && (f.data as { step?: string }).step === 'data');
  assert.ok(data, 'the data prompts miss topics');
  assert.match(data.message, /^The template's 'Data preparation' asks nothing about .*train\/validation\/test split/);
  assert.ok(!(data.data as { topics: string[] }).topics.includes('labels'), 'labels are asked about');
});

test('the gaps of one step form one finding that names them all', () => {
  const doc = `# Song radio

## Requirements

Listeners want an endless station from one seed song; 20 million listeners a day, 150 ms per track.

## Data

Play logs with skips and likes from the last year; a like is a positive label. Features describe the
song audio embedding and the listener's recent plays.

## Model

A two-tower model trained with in-batch negatives, compared with a co-listen count baseline because
it handles new songs.

## Monitoring

The skip rate is on a dashboard.
`;
  const { findings } = analyzeText(doc, asShell);
  const monitoring = findings.filter((f) => f.ruleId === 'missing-topic' && f.data?.step === 'monitoring');
  assert.equal(monitoring.length, 1, 'one finding for the monitoring step');
  const topics = monitoring[0].data?.topics as string[];
  assert.ok(topics.includes('drift') && topics.includes('retraining'), JSON.stringify(topics));
  assert.match(monitoring[0].message, /drift/);
  assert.match(monitoring[0].message, /retraining/);
});

const chapterBody = `
## Why this chapter

Before any model, a team agrees on what the system must do. This part walks through the questions.

## Business requirements

What does the product gain when results get better: more bookings, longer sessions, fewer refunds?

## Technical requirements

Latency budgets are usually given at p99, for example 200 ms for a results page; throughput in
queries per second at peak, for example 5,000 QPS for a mid-sized marketplace.

## Data constraints

Which logs exist, how long they are kept, and what may not be used for privacy reasons.

## Success metrics

Online metrics such as click-through rate and offline metrics such as NDCG@10 for the ranking model.
`;

test('a chapter whose subtitle names a step is a lesson, not a design doc', () => {
  const { doc, findings } = analyzeText(`# Hotel search: problem definition and requirements\n${chapterBody}`, asShell);
  assert.equal(doc.kind, 'lesson', doc.kindReason);
  assert.match(doc.kindReason, /chapter/);
  assert.deepEqual(findings, []);
});

test('a title that names the system before a colon stays a design doc', () => {
  const { doc } = analyzeText(`# Hotel search: ranking for a travel marketplace\n${chapterBody}
## Model

A gradient-boosted ranker (LambdaMART) trained on two years of search sessions, compared with a
popularity baseline; it wins on NDCG@10 by four points offline.

## Serving

Scores are computed at request time for the top 500 candidates from the retrieval stage.
`, asShell);
  assert.equal(doc.isDesignDoc, true, doc.kindReason);
});

// A system design that only mentions machine learning as somebody else's ("decisions come from ML
// models upstream"): naming ML, a model and models is one signal, not three.
const cacheDesign = `# Feature-flag distribution at scale

## Problem

Every request checks a few feature flags: 2 million QPS across 300 services, under 2 ms at p99, and
99.99 % availability. A central database could not keep up.

## Approach / System design

Flags are streamed through Kafka into an in-memory store on every host, so a check never leaves the
process. Which users see a flag is decided upstream by ML models and by hand-written rules; this
system only distributes the decisions. The full dataset is bootstrapped when a host starts.

## Results

Checks take 0.3 ms at p99, and a change reaches every host within five seconds.
`;

test('a system design that names ML only as an upstream source is not an ML design doc', () => {
  const { doc, findings } = analyzeText(cacheDesign, asShell);
  assert.equal(doc.isDesignDoc, false, doc.kindReason);
  assert.match(doc.kindReason, /barely mentions machine learning/);
  assert.deepEqual(findings, []);
});

test('the same shape that trains and scores its own model is an ML design doc', () => {
  const text = cacheDesign.replace('Which users see a flag is decided upstream by ML models and by hand-written rules; this\nsystem only distributes the decisions.',
    'We trained an ML model on past rollouts to give each flag change a risk score, and the riskiest\nchanges are held for review.');
  const { doc } = analyzeText(text, asShell);
  assert.equal(doc.isDesignDoc, true, doc.kindReason);
});
