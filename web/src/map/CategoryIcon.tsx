import { categoryGlyph } from './category-icons.ts';

/** A category's symbol inline, beside its name (which carries the meaning: the symbol is decoration). */
export function CategoryIcon({ code, color }: { code: string; color?: string }) {
  return (
    <svg
      className="category-icon" width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false"
      fill="none" stroke={color ?? 'currentColor'} strokeWidth="2" strokeLinecap="round" strokeLinejoin="round"
      dangerouslySetInnerHTML={{ __html: categoryGlyph(code) }}
    />
  );
}
