/*
  Progressive enhancement only: every page and the form work without this file.
  After a form is sent back with problems, the error summary takes focus, so a screen reader
  reads the problems first and a keyboard starts from them; a link in the summary then moves
  focus to its field and shows that field's question above it (the GOV.UK error summary pattern).
  Written in ES5 on purpose: some readers' phones run old browsers.
*/
(function () {
  'use strict';
  var summary = document.querySelector('.error-summary');
  if (!summary || !summary.focus) return;

  if (!document.activeElement || document.activeElement === document.body) {
    summary.focus();
  }

  summary.addEventListener('click', function (event) {
    var link = event.target;
    while (link && link !== summary && link.tagName !== 'A') link = link.parentNode;
    if (!link || link === summary || !link.hash) return;
    var field = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!field) return;
    event.preventDefault();

    var question = null;
    var fieldset = field.closest ? field.closest('fieldset') : null;
    if (fieldset) question = fieldset.querySelector('legend');
    if (!question && field.id) question = document.querySelector('label[for="' + field.id + '"]');
    (question || field).scrollIntoView();
    field.focus({ preventScroll: true });
  });
})();
