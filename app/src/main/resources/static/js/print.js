// A 打印 button prints the page with its print stylesheet (A4); without JavaScript, Ctrl+P does the same.
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
});
