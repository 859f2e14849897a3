// The print pages' "In" button: the Content-Security-Policy allows no inline handler.
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
