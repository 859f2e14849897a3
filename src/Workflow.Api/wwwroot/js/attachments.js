// Attachments: a file over the limit is stopped here, before it is sent, with the limit in Vietnamese at the file
// field. Without this the browser sends it all and the server refuses the request (413) on a page of its own; the
// server's checks stay, for pages loaded without this script and for the API.
document.querySelectorAll('input[type=file][data-max-bytes]').forEach(input => {
  const form = input.form;
  const max = Number(input.dataset.maxBytes);
  if (!form || !Number.isFinite(max) || max <= 0) return;
  const error = document.createElement('span');
  error.className = 'field-error';
  error.id = input.id + '-size-error';
  error.dataset.path = 'file';
  error.setAttribute('role', 'alert');

  const check = () => {
    const tooLarge = Array.from(input.files || []).find(f => f.size > max);
    if (!tooLarge) {
      error.remove();
      input.classList.remove('input-error');
      input.removeAttribute('aria-invalid');
      return true;
    }
    error.textContent = `Tệp «${tooLarge.name}» vượt giới hạn ${input.dataset.maxLabel} mỗi tệp; chưa gửi và chưa lưu gì. Hãy chọn tệp nhỏ hơn.`;
    input.parentElement.after(error);
    input.classList.add('input-error');
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), error.id].filter(Boolean).join(' '));
    return false;
  };
  input.addEventListener('change', check);
  form.addEventListener('submit', e => {
    if (check()) return;
    e.preventDefault();
    input.focus();
  });
});
