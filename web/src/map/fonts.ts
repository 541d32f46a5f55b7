import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';

// With no `glyphs` URL in the style MapLibre draws label glyphs itself (TinySDF), reading each
// text-font entry as a CSS font family, so these stacks name the bundled Noto Sans. The weight
// comes from the first entry's name: "Noto Sans Bold" is not a family, but it asks for 700, and
// the browser then falls through to the real "Noto Sans" family at that weight.
export const regularFont = ['Noto Sans', 'sans-serif'];
export const boldFont = ['Noto Sans Bold', 'Noto Sans', 'sans-serif'];
