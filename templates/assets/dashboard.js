// Copy buttons of the publishing page: each copies the exact contents of its file,
// kept in a read-only text box, to the clipboard. Without this script the page still
// shows every file, and "Open the file" still works.
(function () {
  var messages = document.querySelector('[data-copied]');
  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.top = '0';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand('copy');
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(area);
    return copied;
  }
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return fallbackCopy(text); }
      );
    }
    return Promise.resolve(fallbackCopy(text));
  }
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    var status = button.parentNode.querySelector('[role="status"]');
    if (!source) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      copy(source.value).then(function (copied) {
        status.textContent = copied ? messages.getAttribute('data-copied') : messages.getAttribute('data-copy-failed');
      });
    });
  });
})();
