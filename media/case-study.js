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

  // The current step is one calm block: its elements moved into a single wrapper with one left border
  // and one background, instead of each paragraph tinted on its own. Unwrapping restores the page.
  function unwrap() {
    for (const box of document.querySelectorAll('.mlsd-active-step')) {
      while (box.firstChild) box.parentNode.insertBefore(box.firstChild, box);
      box.remove();
    }
  }

  function wrap(elements) {
    const box = document.createElement('section');
    box.className = 'mlsd-active-step';
    elements[0].parentNode.insertBefore(box, elements[0]);
    for (const el of elements) box.appendChild(el);
    return box;
  }

  function reveal(stepId, cursorLabel, smooth) {
    unwrap();
    cursor.textContent = cursorLabel ? '· your cursor: ' + cursorLabel : '';   // text only, never HTML
    const heading = stepHeading(stepId);
    let elements = 0;
    if (heading) {
      const block = stepBlock(heading);
      elements = block.length;
      wrap(block);
      heading.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
    }
    // Elements with a tint of their own inside or outside the block (there should be none).
    let tinted = 0;
    for (const el of document.querySelectorAll('#mlsd-content *')) {
      if (el.classList.contains('mlsd-active-step') || el.closest('pre, table, blockquote, code')) continue;
      const bg = getComputedStyle(el).backgroundColor;
      if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') tinted++;
    }
    const highlight = { blocks: document.querySelectorAll('.mlsd-active-step').length, elements: elements, tintedElements: tinted };
    document.body.dataset.activeStep = heading ? stepId : '';
    state.stepId = stepId || null;
    vscode.setState(state);
    vscode.postMessage({ type: 'revealed', stepId: stepId || null, found: !!heading, highlight: highlight });
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
