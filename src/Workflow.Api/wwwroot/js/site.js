const vnd = n => new Intl.NumberFormat('vi-VN').format(n) + ' ₫';
const percent = n => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);

// The proposal form's preview: the split of the support by source, what is left on the line and the support cap.
// Every figure is the server's (the page's Preview handler runs the same rules as submission); this script does no
// arithmetic on money, it only asks again once the clerk pauses and writes the answer in. Amounts arrive as whole
// đồng, far below 2^53, and are only formatted here.
document.querySelectorAll('[data-split-preview]').forEach(box => {
  const form = box.closest('form');
  const url = box.dataset.previewUrl;
  const fields = {
    kind: form.querySelector('[name="Input.Kind"]'),
    areaType: form.querySelector('[name="Input.AreaType"]'),
    totalCost: form.querySelector('[name="Input.TotalCost"]'),
    stateSupport: form.querySelector('[name="Input.StateSupport"]'),
  };
  const status = box.querySelector('[data-preview-status]');
  const capLine = box.querySelector('[data-cap]');
  const table = box.querySelector('table');
  let timer = 0, asked = 0;

  const show = p => {
    p.sources.forEach(s => {
      box.querySelector(`[data-part="${s.source}"]`).textContent = vnd(s.part);
      const left = box.querySelector(`[data-left="${s.source}"]`);
      left.classList.toggle('field-error', s.excess > 0);
      // the words of WithinLineRemaining.ExcessText, which the server-rendered hint and the summary use
      left.textContent = s.excess > 0 ? `vượt ${vnd(s.excess)} so với số còn lại ${vnd(s.remaining)}` : vnd(s.remaining);
    });
    box.querySelector('[data-total]').textContent = vnd(p.splitTotal);
    const c = p.cap;
    if (c.amount !== null) {
      capLine.textContent = `Mức hỗ trợ tối đa: ${percent(c.percent)} % × ${vnd(p.totalCost)} = ${vnd(c.amount)}`
        + (c.over ? ` — đề xuất đang vượt mức ${vnd(c.excess)}` : '')
        + (c.overTaskBasedMaximum ? ` — vượt mức tối đa mỗi dự án, nhiệm vụ ${vnd(c.taskBasedMaximum)}` : '');
    } else {
      capLine.textContent = `Mức hỗ trợ tối đa mỗi dự án, nhiệm vụ: ${vnd(c.taskBasedMaximum)}` + (c.overTaskBasedMaximum ? ' — đề xuất đang vượt mức' : '');
    }
    capLine.classList.toggle('field-error', c.over || c.overTaskBasedMaximum);
  };

  // a refused preview (a number the form does not take) blanks the figures and says why, in the cap line
  const refuse = message => {
    box.querySelectorAll('[data-part], [data-total]').forEach(cell => { cell.textContent = '—'; });
    capLine.textContent = message;
    capLine.classList.add('field-error');
  };

  const refresh = async announce => {
    const query = new URLSearchParams();
    Object.entries(fields).forEach(([name, el]) => { if (el) query.set(name, el.hasAttribute('data-money') ? el.value.replace(/[.\s]/g, '') : el.value.trim()); });
    const mine = ++asked;
    let sentence;
    try {
      const response = await fetch(`${url}&${query}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      const body = await response.json();
      if (mine !== asked) return; // a later keystroke asked again: its answer is the one to show
      if (response.ok) {
        show(body);
        sentence = body.summary;
      } else {
        sentence = Object.values(body.errors || {}).flat()[0] || body.detail || body.title;
        refuse(sentence);
      }
    } catch (e) {
      if (mine !== asked) return;
      sentence = 'Chưa xem trước được phần chia theo nguồn; số liệu sẽ được kiểm tra khi lưu.';
      refuse(sentence);
    }
    if (timer) return; // the clerk typed again meanwhile: the next pause will say it
    box.dataset.state = 'ready';
    table.removeAttribute('aria-busy');
    if (announce) status.textContent = sentence;
  };

  // ~300 ms after the last keystroke: one request and one announcement per pause, not one per key
  const schedule = () => {
    box.dataset.state = 'pending';
    table.setAttribute('aria-busy', 'true');
    clearTimeout(timer);
    timer = setTimeout(() => { timer = 0; refresh(true); }, 300);
  };
  Object.values(fields).forEach(el => {
    if (!el) return;
    el.addEventListener('input', schedule);
    el.addEventListener('change', schedule);
  });
  // the page came with the server's figures for the values it rendered; ask again, silently, only if the browser
  // restored other values into the fields (reload, back button)
  const restored = el => el && (el.tagName === 'SELECT'
    ? Array.from(el.options).some(o => o.selected !== o.defaultSelected)
    : el.value !== el.defaultValue);
  if (Object.values(fields).some(restored)) refresh(false);
});

// Mark the input an error is written under, so the eye finds it; errors about a group mark nothing.
document.querySelectorAll('.field-error[data-path]').forEach(e => {
  let input = e.previousElementSibling;
  while (input && input.classList.contains('field-error')) input = input.previousElementSibling;
  if (input && input.matches('input:not([type=hidden]), select, textarea')) {
    input.classList.add('input-error');
    input.setAttribute('aria-invalid', 'true');
  }
});

// Bars: each part's share of the whole, in per cent, is data (data-share); set here, because the page's
// Content-Security-Policy allows no inline style attribute.
document.querySelectorAll('[data-share]').forEach(part => {
  const share = Number(part.dataset.share);
  part.style.width = (Number.isFinite(share) ? Math.max(0, Math.min(100, share)) : 0) + '%';
});

/* --- phone and accessibility --- */

// Tables as cards on a phone: each cell carries its column's name (data-label), which site.css shows before the value
// under 640 px. Explicit roles keep the table a table for screen readers once CSS stops displaying it as one.
document.querySelectorAll('.table-wrap table, table.cards').forEach(table => {
  const headRow = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
  if (!headRow || table.hasAttribute('data-no-cards')) return;
  const names = [];
  Array.from(headRow.cells).forEach(th => {
    for (let i = 0; i < (th.colSpan || 1); i++) names.push(th.textContent.trim());
  });
  table.classList.add('cards');
  table.setAttribute('role', 'table');
  Array.from(table.querySelectorAll(':scope > thead, :scope > tbody, :scope > tfoot')).forEach(g => g.setAttribute('role', 'rowgroup'));
  Array.from(table.rows).forEach(row => {
    row.setAttribute('role', 'row');
    let column = 0;
    Array.from(row.cells).forEach(cell => {
      const inHead = row.parentElement === table.tHead;
      cell.setAttribute('role', inHead ? 'columnheader' : (cell.tagName === 'TH' ? 'rowheader' : 'cell'));
      if (!inHead && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', names[column] || '');
      column += cell.colSpan || 1;
    });
  });
});

// A box that scrolls sideways (a wide table on a desk, a process diagram) is reachable with the keyboard and named,
// so its hidden columns can be scrolled into view without a mouse; a box that fits is left out of the tab order.
const scrollBoxes = () => document.querySelectorAll('.table-wrap, .diagram, [data-scroll-box]').forEach(box => {
  const scrolls = box.scrollWidth > box.clientWidth + 1;
  if (scrolls && !box.hasAttribute('tabindex')) {
    box.setAttribute('tabindex', '0');
    box.setAttribute('role', 'region');
    if (!box.hasAttribute('aria-label') && !box.hasAttribute('aria-labelledby')) {
      const table = box.querySelector('table');
      const caption = table && table.caption ? table.caption.textContent.trim() : '';
      let heading = box.previousElementSibling;
      while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
      const name = caption || table?.getAttribute('aria-label') || (heading ? heading.textContent.trim() : '') || document.title;
      box.setAttribute('aria-label', `${name} (cuộn ngang để xem hết)`);
    }
    box.dataset.scrollBox = 'on';
  } else if (!scrolls && box.dataset.scrollBox === 'on') {
    box.removeAttribute('tabindex');
    box.removeAttribute('role');
    box.removeAttribute('aria-label');
    delete box.dataset.scrollBox;
  }
});
scrollBoxes();
let scrollBoxesTimer = 0;
window.addEventListener('resize', () => { clearTimeout(scrollBoxesTimer); scrollBoxesTimer = setTimeout(scrollBoxes, 200); });

// An invalid field names its message (aria-describedby), so a screen reader reads why when the field takes focus.
document.querySelectorAll('.field-error[data-path]').forEach((e, i) => {
  let input = e.previousElementSibling;
  while (input && input.classList.contains('field-error')) input = input.previousElementSibling;
  if (!input || !input.matches('input:not([type=hidden]), select, textarea')) return;
  if (!e.id) e.id = `loi-${i + 1}`;
  const ids = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
  if (!ids.includes(e.id)) input.setAttribute('aria-describedby', [...ids, e.id].join(' '));
});

// After a refused submit the page comes back with the problem at the top: focus goes there, so a keyboard or screen
// reader user hears what went wrong and continues from it rather than from the top of the page.
(() => {
  const summary = document.querySelector('main .problem, main [data-error-summary]');
  if (!summary) return;
  if (!summary.hasAttribute('tabindex')) summary.setAttribute('tabindex', '-1');
  summary.focus();
})();

/* --- numbers and dates --- */
// Money inputs grouped while typing: "1521000000" shows as "1.521.000.000". Only the digits are kept and regrouped as a
// string (never parsed to a number, so no amount is ever rounded); the caret stays after the same digit it followed.
// The server reads the grouped text itself, so the form works the same without this script.
(() => {
  const group = digits => digits.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const regroup = input => {
    const before = input.value;
    const caret = input.selectionStart ?? before.length;
    const digitsBeforeCaret = before.slice(0, caret).replace(/\D/g, '').length;
    const negative = /^\s*-/.test(before);
    const digits = before.replace(/\D/g, '');
    const after = (negative ? '-' : '') + group(digits);
    if (after === before) return;
    input.value = after;
    if (document.activeElement !== input) return;
    // place the caret after the same count of digits as before the regrouping
    let position = negative ? 1 : 0, seen = 0;
    while (position < after.length && seen < digitsBeforeCaret) {
      if (/\d/.test(after[position])) seen++;
      position++;
    }
    input.setSelectionRange(position, position);
  };
  document.querySelectorAll('input[data-money]').forEach(input => {
    regroup(input);
    input.addEventListener('input', () => regroup(input));
  });
})();
