/**
 * A page script listening for everything the user types or pastes (for `<script>(${PAGE_EARS})()</script>` at the
 * top of a page's <head>, or Marionette's run): keyboard, composition, input and clipboard events, capturing and
 * bubbling, on its window and document; what each says goes to `window.heard` ("keydown a", "input secret").
 */
export const PAGE_EARS = `function () {
  window.heard = [];
  var types = ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'textInput', 'compositionstart', 'compositionupdate', 'compositionend', 'paste', 'copy', 'cut'];
  types.forEach(function (t) {
    [window, document].forEach(function (target) {
      [true, false].forEach(function (capture) {
        target.addEventListener(t, function (e) {
          var said = e.key || e.data || (e.clipboardData && e.clipboardData.getData('text/plain')) || '';
          window.heard.push(t + ' ' + said);
        }, capture);
      });
    });
  });
}`;
