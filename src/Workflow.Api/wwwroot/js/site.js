// Largest-remainder apportionment, the same as the server's Apportion.ByRatio: parts add up to the whole,
// each within one granularity unit of its exact share, remainders largest first, ties to the earlier source.
function apportion(total, weights, granularity) {
  const t = BigInt(total), g = BigInt(granularity);
  const w = weights.map(x => BigInt(x));
  const sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n || t <= 0n) return w.map(() => 0n);
  const parts = [], rema = [];
  let assigned = 0n;
  w.forEach((wi, i) => {
    const num = t * wi, den = sum * g;
    parts[i] = (num / den) * g;
    rema[i] = num % den;
    assigned += parts[i];
  });
  const order = w.map((_, i) => i).filter(i => w[i] > 0n).sort((a, b) => (rema[b] > rema[a] ? 1 : rema[b] < rema[a] ? -1 : a - b));
  let left = t - assigned;
  for (let k = 0; left > 0n; k = (k + 1) % order.length) {
    const step = left < g ? left : g;
    parts[order[k]] += step;
    left -= step;
  }
  return parts;
}

const vnd = n => new Intl.NumberFormat('vi-VN').format(n) + ' ₫';

// The proposal form: the split by source, the support cap and what is left on the line, as the clerk types.
document.querySelectorAll('[data-split-preview]').forEach(box => {
  const form = box.closest('form');
  const weights = JSON.parse(box.dataset.weights);
  const remaining = JSON.parse(box.dataset.remaining);
  const caps = JSON.parse(box.dataset.caps);
  const sources = JSON.parse(box.dataset.sources);
  const support = form.querySelector('[name="Input.StateSupport"]');
  const cost = form.querySelector('[name="Input.TotalCost"]');
  const kind = form.querySelector('[name="Input.Kind"]');
  const area = form.querySelector('[name="Input.AreaType"]');
  const update = () => {
    const s = parseInt((support.value || '0').replace(/\D/g, ''), 10) || 0;
    const parts = apportion(s, weights, 1000);
    sources.forEach((src, i) => {
      const cell = box.querySelector(`[data-part="${src}"]`);
      cell.textContent = vnd(parts[i]);
      const left = box.querySelector(`[data-left="${src}"]`);
      const over = parts[i] > BigInt(remaining[i]);
      left.classList.toggle('field-error', over);
      left.textContent = vnd(remaining[i]) + (over ? ' — vượt số còn lại' : '');
    });
    box.querySelector('[data-total]').textContent = vnd(s);
    const capLine = box.querySelector('[data-cap]');
    const rate = (caps[kind.value] || {})[area.value];
    const c = parseInt((cost.value || '0').replace(/\D/g, ''), 10) || 0;
    if (rate && c > 0) {
      const cap = Math.floor(rate * c);
      capLine.textContent = `Mức hỗ trợ tối đa: ${Math.round(rate * 100)} % × ${vnd(c)} = ${vnd(cap)}` + (s > cap ? ' — đề xuất đang vượt mức' : '');
      capLine.classList.toggle('field-error', s > cap);
    } else {
      capLine.textContent = 'Mức hỗ trợ tối đa mỗi dự án, nhiệm vụ: 3.000.000.000 ₫';
      capLine.classList.toggle('field-error', s > 3000000000);
    }
  };
  [support, cost, kind, area].forEach(el => el && el.addEventListener('input', update));
  [kind, area].forEach(el => el && el.addEventListener('change', update));
  update();
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
