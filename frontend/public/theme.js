// Applies the chosen theme before the first paint (a separate file: the CSP allows no inline
// script). "light" or "dark" pins it; anything else follows the system (prefers-color-scheme).
/* global document */
(function () {
  try {
    var theme = localStorage.getItem('spotlight.theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  } catch {
    // Storage blocked: follow the system.
  }
})();
