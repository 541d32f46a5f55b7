import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryName, type Category } from '../categories.ts';
import { useLanguage } from '../i18n/index.ts';
import { CategoryIcon } from './CategoryIcon.tsx';

interface Props {
  categories: Category[];
  hiddenCategories: string[];
  onHiddenCategoriesChange(codes: string[]): void;
  osmBaseMap: boolean;
  onOsmBaseMapChange(shown: boolean): void;
}

/** The legend, which doubles as the category filter, and the base map choice. */
export function MapOptionsPanel({ categories, hiddenCategories, onHiddenCategoriesChange, osmBaseMap, onOsmBaseMapChange }: Props) {
  const { t } = useTranslation('public');
  const language = useLanguage();
  // Open on wide screens where there is room; folded on phones, where the map needs the space.
  const [open, setOpen] = useState(() => window.matchMedia('(min-width: 48rem)').matches);
  const hidden = new Set(hiddenCategories);
  const toggle = (code: string) =>
    onHiddenCategoriesChange(hidden.has(code) ? hiddenCategories.filter((c) => c !== code) : [...hiddenCategories, code]);

  return (
    <section className="map-options" aria-labelledby="map-options-title">
      <button
        type="button"
        className="map-options-toggle"
        id="map-options-title"
        aria-expanded={open}
        aria-controls="map-options-body"
        onClick={() => setOpen(!open)}
      >
        {t('map.options.title')}
      </button>
      <div id="map-options-body" hidden={!open}>
        <fieldset className="category-filter">
          <legend>{t('map.options.categories')}</legend>
          <div className="category-filter-all">
            <button type="button" onClick={() => onHiddenCategoriesChange([])} disabled={hiddenCategories.length === 0}>
              {t('map.options.showAll')}
            </button>
            <button type="button" onClick={() => onHiddenCategoriesChange(categories.map((c) => c.code))} disabled={hiddenCategories.length === categories.length}>
              {t('map.options.hideAll')}
            </button>
          </div>
          <ul>
            {categories.map((category) => (
              <li key={category.code}>
                <label>
                  <input type="checkbox" checked={!hidden.has(category.code)} onChange={() => toggle(category.code)} />
                  <span className="swatch" style={{ background: category.color }} aria-hidden="true" />
                  <CategoryIcon code={category.code} />
                  {categoryName(category, language)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <label className="osm-toggle">
          <input type="checkbox" checked={osmBaseMap} onChange={(event) => onOsmBaseMapChange(event.target.checked)} />
          {t('map.options.osmBaseMap')}
        </label>
        <p className="hint">{t('map.options.osmHint')}</p>
      </div>
    </section>
  );
}
