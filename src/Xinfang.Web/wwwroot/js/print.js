// The print view's one button: the browser's print dialog (no inline script under the content security policy).
document.getElementById('print')?.addEventListener('click', () => window.print());
