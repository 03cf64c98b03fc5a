// 文书模板: a live preview of the wording being edited, filled from a real notice, a moment after each keystroke.
(() => {
    const form = document.getElementById('template-editor');
    const preview = document.getElementById('preview');
    if (!form || !preview) return;
    const missing = document.getElementById('preview-missing');
    const error = document.getElementById('preview-error');
    const source = document.getElementById('preview-source');
    let timer = 0;
    let latest = 0;

    async function refresh() {
        const ask = ++latest;
        const response = await fetch('/admin/templates?handler=Preview', { method: 'POST', body: new FormData(form) });
        if (ask !== latest) return; // an older answer arriving late must not overwrite a newer one
        const data = await response.json();
        if (data.error) {
            error.textContent = data.error;
            error.classList.remove('d-none');
            return;
        }
        error.classList.add('d-none');
        preview.innerHTML = data.html; // built on the server from encoded text
        source.textContent = data.source;
        missing.querySelector('span').textContent = data.missing.join('、');
        missing.classList.toggle('d-none', data.missing.length === 0);
    }

    form.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(refresh, 300);
    });
})();
