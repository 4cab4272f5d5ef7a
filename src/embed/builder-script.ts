// The builder's only script, served same-origin from /embed/builder.js so the page's CSP can
// stay `script-src 'self'` without inline code. Plain ES2020, no build step, no dependencies.
export const BUILDER_SCRIPT = `'use strict';
(function () {
  var form = document.getElementById('builder');
  if (!form) return;
  var origin = form.getAttribute('data-origin');
  var preview = document.getElementById('preview');
  var snippet = document.getElementById('snippet');
  var link = document.getElementById('link');
  var problem = document.getElementById('problem');
  var status = document.getElementById('status');
  var topicFields = document.getElementById('topic-fields');
  var listFields = document.getElementById('list-fields');
  var picked = [];
  var latest = 0;
  var timer = 0;
  var shown = '';

  function value(name) {
    var el = form.elements.namedItem(name);
    return el && 'value' in el ? String(el.value).trim() : '';
  }

  function checked(name) {
    return Array.prototype.filter.call(form.querySelectorAll('input[name="' + name + '"]'), function (el) {
      return el.checked;
    }).map(function (el) { return el.value; });
  }

  // The same URL shape the server calls canonical: defaults left out, commas kept readable.
  function embedPath() {
    var mode = checked('mode')[0];
    var params = [];
    var path;
    if (mode === 'list') {
      if (picked.length === 0) return { error: 'Tick at least one record.' };
      path = '/embed/list';
      params.push('items=' + picked.join(','));
      if (value('title')) params.push('title=' + encodeURIComponent(value('title')));
    } else {
      var sections = checked('sections');
      if (sections.length === 0) return { error: 'Tick at least one section.' };
      path = '/embed/topics/' + encodeURIComponent(value('topic'));
      params.push('sections=' + sections.join(','));
    }
    if (value('theme') !== 'light') params.push('theme=' + encodeURIComponent(value('theme')));
    if (value('lang') && value('lang') !== 'en') params.push('lang=' + encodeURIComponent(value('lang')));
    if (value('layout') !== 'full') params.push('layout=' + encodeURIComponent(value('layout')));
    return { path: path + '?' + params.join('&') };
  }

  function update() {
    var mode = checked('mode')[0];
    topicFields.hidden = mode !== 'topic';
    listFields.hidden = mode !== 'list';
    var built = embedPath();
    var url = built.error ? built.error : origin + built.path;
    // Change events also fire when nothing changed (a debounced keystroke, a blur): keep the
    // preview, the code and any "copied" message as they are then.
    if (url === shown) return;
    shown = url;
    var request = ++latest;
    status.textContent = '';
    if (built.error) {
      problem.textContent = built.error;
      snippet.value = '';
      link.value = '';
      return;
    }
    problem.textContent = '';
    link.value = url;
    preview.src = url;
    // The snippet comes from our own oEmbed endpoint, so the builder and oEmbed never differ.
    fetch('/oembed?format=json&url=' + encodeURIComponent(url), { headers: { accept: 'application/json' } })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (body) {
        if (request !== latest) return;
        snippet.value = body ? body.html : '';
        if (!body) problem.textContent = 'These options do not make a valid embed; the preview says why.';
      })
      .catch(function () {
        if (request === latest) problem.textContent = 'Could not reach the server to make the embed code.';
      });
  }

  function copy(field, what) {
    field.focus();
    field.select();
    var done = function () { status.textContent = what + ' copied to the clipboard.'; };
    var manual = function () { status.textContent = 'Press Ctrl+C (or Cmd+C) to copy the selected ' + what.toLowerCase() + '.'; };
    if (!field.value) { status.textContent = 'There is nothing to copy yet.'; return; }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(field.value).then(done, manual);
    else manual();
  }

  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.addEventListener('change', function (event) {
    var target = event.target;
    if (target && target.name === 'items') {
      picked = picked.filter(function (v) { return v !== target.value; });
      if (target.checked) picked.push(target.value);
    }
    update();
  });
  form.addEventListener('input', function (event) {
    var target = event.target;
    if (!target || (target.name !== 'title' && target.name !== 'lang')) return;
    clearTimeout(timer);
    timer = setTimeout(update, 400);
  });
  document.getElementById('copy-snippet').addEventListener('click', function () { copy(snippet, 'Embed code'); });
  document.getElementById('copy-link').addEventListener('click', function () { copy(link, 'Link'); });
  // Browsers restore ticked boxes on back/forward navigation; start from what is shown.
  picked = checked('items');
  update();
})();
`;
