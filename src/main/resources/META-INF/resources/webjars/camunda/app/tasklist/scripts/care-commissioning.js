// Care Commissioning: tells a caseworker what happened and what comes next, where Tasklist CE says little.
//  - After a start: Tasklist says only "The process has been started."; this adds the case reference the start
//    gave it (the business key, e.g. R-HOPE-00001) and where its next task will show.
//  - After completing a task: Tasklist just empties the pane; this says which case moved on and whether its next
//    task is already in the user's own list, or is with another team.
// Tasklist CE has no plugin point for either, so this watches Tasklist's own calls to the engine REST API (it changes
// none of them) and shows a short message. Loaded by config.js (customScripts) as an ES module.

const ENGINE = /\/api\/engine\/engine\/([^/]+)\//;
const STARTED = /\/process-definition\/[^/]+\/(submit-form|start)$/;
const COMPLETED = /\/task\/([^/]+)\/(submit-form|complete)$/;
const FILTER_LIST = /\/filter\/[^/]+\/list/;

// what the task list showed for each task: its name, process instance and case labels
const cards = new Map();

function path(url) {
  try {
    return new URL(url, window.location.href).pathname;
  } catch (e) {
    return '';
  }
}

function remember(list) {
  const tasks = (list && list._embedded && list._embedded.task) || [];
  tasks.forEach(task => {
    const variables = {};
    ((task._embedded && task._embedded.variable) || []).forEach(v => { variables[v.name] = v.value; });
    cards.set(task.id, {
      name: task.name,
      processInstanceId: task.processInstanceId,
      caseReference: variables.caseReference,
      caseSummary: variables.caseSummary
    });
  });
}

function show(title, text) {
  let box = document.querySelector('.cc-outcome');
  if (!box) {
    box = document.createElement('div');
    box.className = 'cc-outcome';
    box.setAttribute('role', 'status');
    box.setAttribute('aria-live', 'polite');
    document.body.appendChild(box);
  }
  box.textContent = '';
  const heading = document.createElement('strong');
  heading.textContent = title;
  const body = document.createElement('span');
  body.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close');
  close.textContent = '\u00d7';
  close.addEventListener('click', () => box.remove());
  box.append(heading, body, close);
  clearTimeout(show.timer);
  show.timer = setTimeout(() => box.remove(), 20000);
}

function started(engineUrl, instance) {
  const reference = instance && instance.businessKey;
  if (reference) {
    show('Started: ' + reference,
      'This case is ' + reference + '. Its tasks show this reference in the Case column, in the list of whoever '
      + 'does the next step.');
  } else {
    show('Started', 'Its next task will appear in the list of whoever does the next step.');
  }
}

async function completed(engineUrl, taskId) {
  const card = cards.get(taskId) || {};
  const which = card.caseReference ? card.caseReference : 'The case';
  let mine = [];
  if (card.processInstanceId) {
    try {
      const response = await fetch(engineUrl + 'task?processInstanceId=' + encodeURIComponent(card.processInstanceId),
        { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (response.ok) {
        mine = await response.json();
      }
    } catch (e) {
      mine = [];
    }
  }
  const title = (card.name ? card.name + ' done' : 'Task done') + (card.caseReference ? ': ' + card.caseReference : '');
  if (mine.length) {
    show(title, which + ' is back in your list: ' + mine.map(t => t.name).join(', ') + '.');
  } else {
    show(title, which + ' has moved on to its next step, which is not yours: it is no longer in your list.');
  }
}

function watch(method, url, status, body) {
  const p = path(url);
  const engine = p.match(ENGINE);
  if (!engine || status < 200 || status >= 300) {
    return;
  }
  const engineUrl = p.substring(0, engine.index + engine[0].length);
  let json = null;
  try {
    json = body ? JSON.parse(body) : null;
  } catch (e) {
    json = null;
  }
  if (method === 'POST' && FILTER_LIST.test(p)) {
    remember(json);
  } else if (method === 'POST' && STARTED.test(p)) {
    started(engineUrl, json);
  } else if (method === 'POST' && COMPLETED.test(p)) {
    completed(engineUrl, p.match(COMPLETED)[1]);
  }
}

const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url) {
  this.ccMethod = String(method).toUpperCase();
  this.ccUrl = url;
  return open.apply(this, arguments);
};
XMLHttpRequest.prototype.send = function () {
  this.addEventListener('load', () => {
    try {
      const text = this.responseType === '' || this.responseType === 'text' ? this.responseText : null;
      watch(this.ccMethod, this.ccUrl, this.status, text);
    } catch (e) {
      // never get in Tasklist's way
    }
  });
  return send.apply(this, arguments);
};

// registers no Tasklist plugin: the script only adds the messages above
export default [];
