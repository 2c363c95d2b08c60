// Case-study panel script: the only script the page's CSP lets run (it carries the page nonce).
// It scrolls to and highlights the step the writer's cursor is in, and remembers its state for reloads.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const caseStudyId = document.body.dataset.caseStudy;
  const cursor = document.getElementById('mlsd-cursor');
  let state = vscode.getState() || {};
  if (state.caseStudyId !== caseStudyId) state = { caseStudyId: caseStudyId, stepId: null };

  function stepHeading(stepId) {
    if (!stepId) return null;
    // rehype-sanitize may prefix ids with "user-content-"; accept both spellings.
    return document.getElementById('mlsd-step-' + stepId) || document.getElementById('user-content-mlsd-step-' + stepId);
  }

  // A step's block: its heading plus the siblings up to the next step heading (or a heading as high).
  function stepBlock(heading) {
    const level = Number(heading.tagName.slice(1)) || 6;
    const block = [heading];
    for (let el = heading.nextElementSibling; el; el = el.nextElementSibling) {
      const m = /^H([1-6])$/.exec(el.tagName);
      if (m && (Number(m[1]) <= level || /(^|-)mlsd-step-/.test(el.id))) break;
      block.push(el);
    }
    return block;
  }

  function reveal(stepId, cursorLabel, smooth) {
    for (const el of document.querySelectorAll('.mlsd-active, .mlsd-active-heading')) {
      el.classList.remove('mlsd-active', 'mlsd-active-heading');
    }
    cursor.textContent = cursorLabel ? '· your cursor: ' + cursorLabel : '';   // text only, never HTML
    const heading = stepHeading(stepId);
    if (heading) {
      heading.classList.add('mlsd-active-heading');
      for (const el of stepBlock(heading)) el.classList.add('mlsd-active');
      heading.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
    }
    document.body.dataset.activeStep = heading ? stepId : '';
    state.stepId = stepId || null;
    vscode.setState(state);
    vscode.postMessage({ type: 'revealed', stepId: stepId || null, found: !!heading });
  }

  window.addEventListener('message', function (event) {
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'init') reveal(m.stepId != null ? m.stepId : state.stepId, m.cursorLabel, false);
    else if (m.type === 'reveal') reveal(m.stepId, m.cursorLabel, true);
  });

  vscode.setState(state);
  if (state.stepId) reveal(state.stepId, '', false);
  vscode.postMessage({ type: 'ready' });
})();
