import defaults from 'tailwindcss/colors';
import plugin from 'tailwindcss/plugin';

/**
 * Two themes from one set of class names. Every colour the app uses is a CSS variable
 * (`--c-violet-600`, as "r g b"), so `bg-white` or `text-slate-900` need no `dark:` twin:
 * the dark theme swaps each scale end for end (50 ↔ 950, 100 ↔ 900, …) and white becomes
 * the dark surface, which keeps every pairing's contrast (dark text on a light tint becomes
 * light text on a dark tint). The dark theme applies under `prefers-color-scheme: dark`
 * unless the user chose light (`<html data-theme="light">`), and whenever they chose dark.
 */
const SCALES = ['slate', 'violet', 'red', 'amber', 'emerald', 'sky'];
const SHADES = [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950];
/** In the dark theme, which light-theme shade each shade shows. */
const DARK_SHADE = {
  50: 950,
  100: 900,
  200: 800,
  300: 700,
  400: 600,
  500: 400,
  600: 400,
  700: 300,
  800: 200,
  900: 100,
  950: 50,
};
/** The neutral scale keeps more steps apart on dark surfaces (cards on the page, chips on cards). */
const DARK_SLATE = { ...DARK_SHADE, 100: 800, 200: 700, 300: 600, 400: 500, 600: 300 };

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(' ');

function palette(dark) {
  const vars = { '--c-white': rgb(dark ? defaults.slate[900] : '#ffffff') };
  for (const scale of SCALES) {
    const map = scale === 'slate' ? DARK_SLATE : DARK_SHADE;
    for (const shade of SHADES) {
      vars[`--c-${scale}-${shade}`] = rgb(defaults[scale][dark ? map[shade] : shade]);
    }
  }
  return vars;
}

const colour = (name) => `rgb(var(--c-${name}) / <alpha-value>)`;

export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  theme: {
    colors: {
      transparent: 'transparent',
      current: 'currentColor',
      inherit: 'inherit',
      black: '#000000',
      white: colour('white'),
      ...Object.fromEntries(
        SCALES.map((scale) => [
          scale,
          Object.fromEntries(SHADES.map((shade) => [shade, colour(`${scale}-${shade}`)])),
        ]),
      ),
    },
    extend: {},
  },
  plugins: [
    plugin(({ addBase }) => {
      const dark = { ...palette(true), colorScheme: 'dark' };
      addBase({
        ':root': { ...palette(false), colorScheme: 'light' },
        '@media (prefers-color-scheme: dark)': { ':root:not([data-theme="light"])': dark },
        ':root[data-theme="dark"]': dark,
      });
    }),
  ],
};
